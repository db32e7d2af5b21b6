package com.linetrace.provisioning;

import java.net.URI;
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
 *     or a {@code file:}/{@code classpath:} location. Without it every key injection is rejected. It must be valid
 *     now, a CA (basicConstraints CA) and allowed to sign certificates (keyUsage keyCertSign)
 * @param invalidPlantCa what a plant CA that is expired, not yet valid or not a signing CA does: {@code REFUSE_START}
 *     (provisioning does not start) or {@code REJECT_KEY_INJECTIONS} (it starts, logs an error, and rejects every
 *     key injection with {@code PLANT_CA_INVALID}); checked again at every key injection either way
 * @param keyAlgorithms the device key algorithms the key policy allows: {@code P-256}, {@code P-384},
 *     {@code P-521}, {@code Ed25519}, {@code Ed448}, {@code RSA-<bits>}; the secure element makes P-256 keys
 * @param identityUrl identity's base URL, where provisioning runs apart from it: the passwords of electronic
 *     signatures on approvals and revocations are checked there, with the signer's token; unset, identity in the same
 *     process
 */
@ConfigurationProperties("linetrace.provisioning")
public record ProvisioningSettings(
        @DefaultValue("CA1") String plant,
        @DefaultValue List<String> trustedReleaseKeys,
        @Nullable String plantCaCertificate,
        @DefaultValue("REFUSE_START") InvalidPlantCa invalidPlantCa,
        @DefaultValue("P-256") List<String> keyAlgorithms,
        @Nullable URI identityUrl) {

    /** What a plant CA unfit to vouch for device keys does to the service. */
    public enum InvalidPlantCa {
        REFUSE_START,
        REJECT_KEY_INJECTIONS
    }
}
