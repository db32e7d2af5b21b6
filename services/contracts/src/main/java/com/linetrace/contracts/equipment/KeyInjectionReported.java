package com.linetrace.contracts.equipment;

import com.linetrace.contracts.Text;

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
        Text.require("secureElementId", secureElementId, Text.ID);
        Text.require("keyPurpose", keyPurpose, Text.ID);
        Text.require("publicKeyPem", publicKeyPem, Text.PEM);
        Text.require("csrPem", csrPem, Text.PEM);
        Text.require("certificatePem", certificatePem, Text.PEM);
        Text.require("stationId", stationId, Text.ID);
    }

    /** Names the key station without quoting the key material, so the record never lands in a log by accident. */
    @Override
    public String toString() {
        return "KeyInjectionReported[secureElementId=" + secureElementId + ", keyPurpose=" + keyPurpose + ", stationId="
                + stationId + "]";
    }
}
