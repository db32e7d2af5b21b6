package com.linetrace.provisioning.api;

import com.linetrace.contracts.Serial;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The identity keys injected into a unit: public material only, with provisioning's verdict on each; the caller's
 * role is checked.
 */
@HttpExchange("/api/units")
public interface UnitKeyInjections {

    /** Every key injection of the unit, oldest first; empty when none was reported. */
    @GetExchange("/{serial}/key-injections")
    List<KeyInjectionRecord> keyInjections(@PathVariable Serial serial);

    /**
     * One reported key injection.
     *
     * @param fingerprint SHA-256 of the device public key, when it was readable
     * @param subject the device certificate's subject, when the certificate passed
     * @param issuer its issuer
     * @param verdict VERIFIED or REJECTED
     */
    record KeyInjectionRecord(
            String secureElementId,
            String keyPurpose,
            String stationId,
            @Nullable String fingerprint,
            @Nullable String subject,
            @Nullable String issuer,
            @Nullable Instant notAfter,
            String verdict,
            @Nullable String rejectionCode,
            @Nullable String reason,
            String actor,
            Instant reportedAt) {}
}
