package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.secrets.PrivateKeyDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ResourceLoader;

/** The plant CA's certificate, the one trust anchor of device certificates; absent when none is configured. */
public final class PlantCa {

    private static final String SETTING = "linetrace.provisioning.plant-ca-certificate";
    private static final int KEY_CERT_SIGN = 5;

    private final @Nullable X509Certificate certificate;

    private PlantCa(@Nullable X509Certificate certificate) {
        this.certificate = certificate;
    }

    public static PlantCa of(@Nullable X509Certificate certificate) {
        return new PlantCa(certificate);
    }

    /** Reads the setting: PEM inline, or a {@code file:}/{@code classpath:} location of a PEM file. */
    public static PlantCa fromSetting(@Nullable String setting, ResourceLoader resources) {
        if (setting == null || setting.isBlank()) {
            return new PlantCa(null);
        }
        var text = setting.strip();
        if (!text.startsWith("-----BEGIN")) {
            try {
                text = resources.getResource(text).getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(SETTING + ": cannot read " + setting.strip());
            }
        }
        if (PrivateKeyDetector.find(text).isPresent()) {
            throw new IllegalStateException(SETTING + " holds private key material: configure the certificate only");
        }
        try {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            return new PlantCa(certificate);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(SETTING + " is not a PEM X.509 certificate");
        }
    }

    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /**
     * What makes the configured CA unfit to vouch for device keys at {@code now}, if anything: outside its own
     * validity (Java's PKIX does not check a trust anchor's dates), not a CA (basicConstraints CA), or not allowed
     * to sign certificates (keyUsage keyCertSign). Empty when none is configured: that is said elsewhere.
     */
    public Optional<String> problem(Instant now) {
        if (certificate == null) {
            return Optional.empty();
        }
        var name = certificate.getSubjectX500Principal().getName();
        var from = certificate.getNotBefore().toInstant();
        var to = certificate.getNotAfter().toInstant();
        if (now.isBefore(from) || now.isAfter(to)) {
            return Optional.of("The plant CA " + name + " is valid from " + from + " to " + to + ", not now (" + now
                    + "): it can vouch for no device key");
        }
        if (certificate.getBasicConstraints() < 0) {
            return Optional.of("The plant CA certificate " + name + " is not a CA certificate (basicConstraints CA"
                    + " is not set)");
        }
        var usage = certificate.getKeyUsage();
        if (usage == null || usage.length <= KEY_CERT_SIGN || !usage[KEY_CERT_SIGN]) {
            return Optional.of("The plant CA certificate " + name + " may not sign certificates (keyUsage keyCertSign"
                    + " is not set)");
        }
        return Optional.empty();
    }
}
