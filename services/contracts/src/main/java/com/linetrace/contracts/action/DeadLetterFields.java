package com.linetrace.contracts.action;

import java.util.Objects;

/** The checks both dead-letter actions make on their fields. */
final class DeadLetterFields {

    /** A reason is free text a person typed: short enough to read in a list. */
    static final int MAX_REASON = 500;

    private DeadLetterFields() {}

    static void check(String deadLetterTopic, int partition, long offset, String sourceTopic, String reason) {
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(reason, "reason");
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason is longer than " + MAX_REASON + " characters");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
    }
}
