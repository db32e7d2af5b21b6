package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;
import java.util.List;

/** The station finished its operation on the unit, with the result and, on FAIL, the defect codes. */
public record WorkCompleted(int operation, String operationName, Result result, List<String> defects)
        implements UnitEvent {

    public WorkCompleted {
        Text.require("operationName", operationName, Text.NAME);
        java.util.Objects.requireNonNull(result, "result");
        defects = Text.requireEach("defects", defects, MAX_DEFECTS, Text.ID);
    }

    /** More defect codes than this on one check-out is not a diagnosis. */
    public static final int MAX_DEFECTS = 50;

    public enum Result {
        PASS,
        FAIL
    }
}
