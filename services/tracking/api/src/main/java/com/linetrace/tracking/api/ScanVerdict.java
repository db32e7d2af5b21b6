package com.linetrace.tracking.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a scan at a station.
 *
 * @param scanId the scan's id, as the client sent it or as it was given
 * @param action CHECK_IN, INSTALL_PART or CHECK_OUT
 * @param verdict ACCEPTED or REJECTED
 * @param code a stable code for the refusal (see {@link Refusal}), null when accepted
 * @param message what the worker reads: the operation to do, or why the unit must stop
 * @param serial the unit's serial when the barcode was one
 * @param operation the route operation concerned, when known
 * @param operationName its name
 */
public record ScanVerdict(
        UUID scanId,
        String stationId,
        Action action,
        Verdict verdict,
        @Nullable Refusal code,
        String message,
        @Nullable String serial,
        @Nullable Integer operation,
        @Nullable String operationName,
        Instant at,
        String actor) {

    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }

    public enum Action {
        CHECK_IN,
        INSTALL_PART,
        CHECK_OUT
    }

    public enum Verdict {
        ACCEPTED,
        REJECTED
    }
}
