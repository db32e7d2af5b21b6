package com.linetrace.provisioning;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/** A request provisioning refuses, with the plain-words reason its caller sees. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The text of a required request field, or a refusal naming the field. */
    public static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Problem.INVALID_REQUEST, field + " is required");
        }
        return value;
    }

    /** A reason a person gives (approval, revocation): required, at most 500 characters, text any consumer can record. */
    public static String reason(@Nullable String value) {
        var reason = required(value, "reason");
        var problem = Text.problemWith(reason, 500);
        if (problem != null) {
            throw new ProblemException(Problem.INVALID_REQUEST, "reason " + problem);
        }
        return reason;
    }
}
