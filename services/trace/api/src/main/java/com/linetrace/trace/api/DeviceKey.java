package com.linetrace.trace.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A device key the unit's secure element reported: public material only.
 *
 * @param fingerprint SHA-256 of the DER SubjectPublicKeyInfo
 * @param subject the certificate's subject, null when the key was only ever rejected
 * @param certificatePem the device certificate (PEM), when provisioning's event carried it
 * @param verified whether the key injection is verified now (false once rejected, e.g. as a duplicate key)
 * @param rejectionCode provisioning's code when it is not verified ({@code DUPLICATE_KEY}…)
 */
public record DeviceKey(
        String fingerprint,
        @Nullable String subject,
        @Nullable String issuer,
        @Nullable String secureElementId,
        @Nullable String keyPurpose,
        @Nullable String certificatePem,
        @Nullable String station,
        Instant reportedAt,
        boolean verified,
        @Nullable String rejectionCode,
        @Nullable String rejectionReason) {}
