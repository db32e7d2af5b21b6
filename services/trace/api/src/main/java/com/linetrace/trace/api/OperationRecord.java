package com.linetrace.trace.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One visit of the unit to a station for an operation of its route: check-in, work result, check-out.
 *
 * @param operator who checked the unit in
 * @param result PASS or FAIL, null while the work is not completed
 * @param defects the defect codes of a FAIL
 */
public record OperationRecord(
        int operation,
        String operationName,
        @Nullable String stationKind,
        @Nullable String station,
        String operator,
        boolean rework,
        Instant arrivedAt,
        @Nullable Instant completedAt,
        @Nullable String result,
        List<String> defects,
        @Nullable Instant departedAt) {

    public OperationRecord {
        defects = List.copyOf(defects);
    }
}
