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
    MALFORMED_SERIAL("malformed-serial", 400),
    /** A search or where-used that names nothing, or only what nearly every unit matches: the detail says what to add. */
    SEARCH_TOO_BROAD("search-too-broad", 400),
    /** A where-used or search criterion that is missing, malformed, or combined with one it cannot go with. */
    INVALID_CRITERION("invalid-criterion", 400),
    /** A station's time window that is open, reversed or longer than allowed. */
    INVALID_WINDOW("invalid-window", 400),
    /** A page size outside 1–500. */
    INVALID_PAGE_SIZE("invalid-page-size", 400),
    /** A cursor that is not one this query handed out. */
    INVALID_CURSOR("invalid-cursor", 400),
    /**
     * The audit ledger did not answer (trace apart from audit): no device history record is handed out without its
     * proofs.
     */
    AUDIT_LEDGER_UNREACHABLE("audit-ledger-unreachable", 503);

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
