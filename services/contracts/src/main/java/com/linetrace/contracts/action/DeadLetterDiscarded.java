package com.linetrace.contracts.action;

import org.jspecify.annotations.Nullable;

/**
 * A person decided a dead letter is not to be processed, and said why. The dead letter is the record at
 * {@code offset} of {@code partition} of {@code deadLetterTopic}; who and when are the envelope's actor and
 * occurred-at.
 */
public record DeadLetterDiscarded(
        String deadLetterTopic,
        int partition,
        long offset,
        String sourceTopic,
        @Nullable String key,
        String reason) implements AuditAction {

    public DeadLetterDiscarded {
        DeadLetterFields.check(deadLetterTopic, partition, offset, sourceTopic, reason);
    }
}
