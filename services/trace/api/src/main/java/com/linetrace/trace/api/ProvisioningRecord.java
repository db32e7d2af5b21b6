package com.linetrace.trace.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of provisioning's verdicts on the unit, as it was published.
 *
 * @param type FirmwareVerified, FirmwareRejected, KeyInjectionVerified, KeyInjectionRejected or
 *     FirmwareReleaseRevoked
 * @param module the firmware module, for firmware verdicts
 * @param code the rejection code, for rejections
 * @param reason why, for rejections and revocations
 */
public record ProvisioningRecord(
        UUID eventId,
        String type,
        Instant occurredAt,
        @Nullable String station,
        String actor,
        @Nullable String module,
        @Nullable UUID releaseId,
        @Nullable String version,
        @Nullable String sha256,
        @Nullable String fingerprint,
        @Nullable String code,
        @Nullable String reason) {}
