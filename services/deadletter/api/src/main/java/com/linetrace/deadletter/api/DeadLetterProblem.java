package com.linetrace.deadletter.api;

import com.linetrace.contracts.problem.ProblemType;

/**
 * Every way the dead-letter desk refuses a request, in-process and over HTTP alike, each with a stable problem type
 * {@code urn:linetrace:problem:<code>}; the refusal is a {@link com.linetrace.contracts.problem.ProblemException}.
 */
public enum DeadLetterProblem implements ProblemType {
    INVALID_REQUEST(400, "invalid-request"),
    DEAD_LETTER_NOT_FOUND(404, "dead-letter-not-found"),
    DEAD_LETTER_SETTLED(409, "dead-letter-settled"),
    DEAD_LETTER_NOT_REPLAYABLE(409, "dead-letter-not-replayable"),
    REPLAY_NOT_SENT(503, "dead-letter-replay-not-sent");

    private final int status;
    private final String code;

    DeadLetterProblem(int status, String code) {
        this.status = status;
        this.code = code;
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
