package com.linetrace.provisioning;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provisioning's settings. Public key material only: a private key in either setting stops the service at start.
 *
 * @param plant the plant's id, carried by events of results reported through the REST adapters
 * @param trustedReleaseKeys the Ed25519 public keys whose signatures make a firmware release genuine; each entry
 *     is PEM ({@code -----BEGIN PUBLIC KEY-----}), base64 of the X.509 SubjectPublicKeyInfo, or a
 *     {@code file:}/{@code classpath:} location of a PEM file. Several may be valid at once: add the new key,
 *     sign with it, then remove the old one — flashes are checked against the keys trusted at that moment
 * @param plantCaCertificate the plant CA's certificate that every device certificate must chain to: PEM inline
 *     or a {@code file:}/{@code classpath:} location. Without it every key injection is rejected
 */
@ConfigurationProperties("linetrace.provisioning")
public record ProvisioningSettings(
        @DefaultValue("CA1") String plant,
        @DefaultValue List<String> trustedReleaseKeys,
        @Nullable String plantCaCertificate) {}
