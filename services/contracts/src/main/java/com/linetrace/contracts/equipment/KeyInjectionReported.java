package com.linetrace.contracts.equipment;

import java.util.Objects;

/**
 * A key station had the unit's secure element make its own key pair and reports the public half only: the
 * public key, a PKCS#10 CSR signed with the private key (proof of possession) and the device certificate the
 * plant CA issued for it, all PEM. A private key never belongs here: provisioning refuses any record holding one.
 */
public record KeyInjectionReported(
        String secureElementId,
        String keyPurpose,
        String publicKeyPem,
        String csrPem,
        String certificatePem,
        String stationId)
        implements EquipmentResult {

    public KeyInjectionReported {
        Objects.requireNonNull(secureElementId, "secureElementId");
        Objects.requireNonNull(keyPurpose, "keyPurpose");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(stationId, "stationId");
    }

    /** Names the key station without quoting the key material, so the record never lands in a log by accident. */
    @Override
    public String toString() {
        return "KeyInjectionReported[secureElementId=" + secureElementId + ", keyPurpose=" + keyPurpose + ", stationId="
                + stationId + "]";
    }
}
