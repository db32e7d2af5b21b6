package com.linetrace.trace.api;

import com.linetrace.contracts.equipment.FirmwareModule;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The firmware a module of the unit carries: its latest verified flash, a bill-of-materials line traced by its
 * hash (IPC-1782).
 *
 * @param revokedReason why its release was revoked since, null while it is not
 */
public record ModuleFirmware(
        FirmwareModule module,
        UUID releaseId,
        String model,
        String version,
        String sha256,
        String fixtureId,
        @Nullable String station,
        Instant verifiedAt,
        @Nullable String revokedReason) {}
