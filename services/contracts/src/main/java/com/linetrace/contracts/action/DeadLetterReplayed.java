package com.linetrace.contracts.action;

import org.jspecify.annotations.Nullable;

/**
 * A person republished a dead letter's original key and value to its source topic (after the fault was fixed).
 * The dead letter is the record at {@code offset} of {@code partition} of {@code deadLetterTopic}; who and when are
 * the envelope's actor and occurred-at.
 */
public record DeadLetterReplayed(
        String deadLetterTopic,
        int partition,
        long offset,
        String sourceTopic,
        @Nullable String key,
        String reason) implements AuditAction {

    public DeadLetterReplayed {
        DeadLetterFields.check(deadLetterTopic, partition, offset, sourceTopic, reason);
    }
}
