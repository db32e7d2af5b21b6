package com.linetrace.metrics.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A wallboard: a TV showing one line, opened with its token (never shown again after it was issued). */
public record Wallboard(
        UUID id,
        String line,
        String name,
        String issuedBy,
        Instant issuedAt,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
