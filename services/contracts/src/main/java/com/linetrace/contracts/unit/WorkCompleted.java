package com.linetrace.contracts.unit;

import java.util.List;

/** The station finished its operation on the unit, with the result and, on FAIL, the defect codes. */
public record WorkCompleted(int operation, String operationName, Result result, List<String> defects)
        implements UnitEvent {

    public WorkCompleted {
        defects = List.copyOf(defects);
    }

    public enum Result {
        PASS,
        FAIL
    }
}
