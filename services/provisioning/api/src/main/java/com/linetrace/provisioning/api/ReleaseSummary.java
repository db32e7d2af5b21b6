package com.linetrace.provisioning.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A firmware release as people see it, with its signature checked against the release keys trusted now.
 *
 * @param signatureValid the signature verifies against a currently trusted release key
 * @param signedBy the id of that key, when one does
 * @param affectedSerials the recall scope counted at revocation
 */
public record ReleaseSummary(
        UUID id,
        ReleaseState state,
        String model,
        String module,
        String version,
        String sha256,
        long sizeBytes,
        String registeredBy,
        Instant registeredAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        @Nullable String approvalReason,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        @Nullable String revocationReason,
        @Nullable Integer affectedSerials,
        boolean signatureValid,
        @Nullable String signedBy) {}
