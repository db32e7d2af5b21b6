package com.linetrace.deadletter.api;

import java.net.URI;

/** A replay, discard or listing that cannot be done as asked; the message says why in words, the refusal its kind. */
public class DeadLetterRefusedException extends RuntimeException {

    /** Each way of refusing, with its HTTP status and stable problem type {@code urn:linetrace:problem:<code>}. */
    public enum Refusal {
        INVALID_REQUEST(400, "invalid-request"),
        NOT_FOUND(404, "dead-letter-not-found"),
        ALREADY_SETTLED(409, "dead-letter-settled"),
        NOT_REPLAYABLE(409, "dead-letter-not-replayable"),
        REPLAY_NOT_SENT(503, "dead-letter-replay-not-sent");

        private final int status;
        private final String code;

        Refusal(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public URI type() {
            return URI.create("urn:linetrace:problem:" + code);
        }
    }

    private final Refusal refusal;

    public DeadLetterRefusedException(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
