package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Text;

/**
 * The unit's secure element proved possession of its own key, whose certificate the plant CA issued to this
 * serial and no other unit ever had. {@code fingerprint} is the SHA-256 of the DER SubjectPublicKeyInfo.
 */
public record KeyInjectionVerified(
        String fingerprint, String subject, String issuer, String secureElementId, String keyPurpose)
        implements ProvisioningEvent {

    public KeyInjectionVerified {
        Text.require("fingerprint", fingerprint, Text.ID);
        Text.require("subject", subject, Text.NAME);
        Text.require("issuer", issuer, Text.NAME);
        Text.require("secureElementId", secureElementId, Text.ID);
        Text.require("keyPurpose", keyPurpose, Text.ID);
    }
}
