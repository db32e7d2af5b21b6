package com.linetrace.metrics.api;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.problem.ProblemType;

/** Every way metrics refuses a request, with its stable problem type and HTTP status. */
public enum MetricsProblem implements ProblemType {
    /** The line id is well-formed, but no event of the line has reached metrics. */
    UNKNOWN_LINE("unknown-line", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new UnknownLineException(detail);
        }
    },
    /** No andon alert has this id. */
    UNKNOWN_ALERT("unknown-alert", 404),
    /** The alert was acknowledged already (by whom and with what comment, the alert says). */
    ALERT_ACKNOWLEDGED("alert-acknowledged", 409),
    /** An acknowledgement without a comment, or with one over 2,000 characters. */
    INVALID_ACKNOWLEDGEMENT("invalid-acknowledgement", 400),
    /** A wallboard asked for without a line id, or without a name. */
    INVALID_WALLBOARD("invalid-wallboard", 400),
    /** No wallboard has this id. */
    UNKNOWN_WALLBOARD("unknown-wallboard", 404),
    /** A wallboard token that is missing, unknown or revoked (one answer for all three). */
    WALLBOARD_TOKEN_REFUSED("wallboard-token-refused", 401),
    /** A shift report asked for a shift the plant's calendar does not name, or for a day before 2000. */
    UNKNOWN_SHIFT("unknown-shift", 404),
    /** A shift report asked for a shift that has not started yet. */
    SHIFT_NOT_STARTED("shift-not-started", 409);

    private final String code;
    private final int status;

    MetricsProblem(String code, int status) {
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
