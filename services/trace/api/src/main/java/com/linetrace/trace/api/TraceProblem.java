package com.linetrace.trace.api;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.problem.ProblemType;

/** Every way trace refuses a request, with its stable problem type and HTTP status. */
public enum TraceProblem implements ProblemType {
    /** The serial is well-formed, but trace has recorded nothing for it. */
    UNKNOWN_SERIAL("unknown-serial", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new UnknownSerialException(detail);
        }
    },
    /** A path's serial is not a serial (station clients send text; the api's callers in Java send a {@code Serial}). */
    MALFORMED_SERIAL("malformed-serial", 400);

    private final String code;
    private final int status;

    TraceProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
