package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/**
 * The unit's secure element proved possession of its own key, whose certificate the plant CA issued to this
 * serial and no other unit ever had. {@code fingerprint} is the SHA-256 of the DER SubjectPublicKeyInfo.
 * {@code certificatePem} is the device certificate (public material only), for the device history record; events
 * written before it existed do not carry it.
 */
public record KeyInjectionVerified(
        String fingerprint,
        String subject,
        String issuer,
        String secureElementId,
        String keyPurpose,
        @Nullable String certificatePem)
        implements ProvisioningEvent {

    /** A verdict without the certificate, as events were before they carried it. */
    public KeyInjectionVerified(
            String fingerprint, String subject, String issuer, String secureElementId, String keyPurpose) {
        this(fingerprint, subject, issuer, secureElementId, keyPurpose, null);
    }

    public KeyInjectionVerified {
        Text.require("fingerprint", fingerprint, Text.ID);
        Text.require("subject", subject, Text.NAME);
        Text.require("issuer", issuer, Text.NAME);
        Text.require("secureElementId", secureElementId, Text.ID);
        Text.require("keyPurpose", keyPurpose, Text.ID);
        Text.optional("certificatePem", certificatePem, Text.PEM);
    }
}
