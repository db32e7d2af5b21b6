package com.linetrace.deadletter.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A record that a consumer could not process, as a person sees it: where it came from, its key, when it failed and
 * why, and what was decided about it. Its value is never shown (it may hold anything); a dead letter that was
 * redacted because it held private key material carries no original and cannot be replayed.
 *
 * @param id the dead letter's number in LineTrace, for replay and discard
 * @param topic the topic the record was read from
 * @param deadLetterTopic the dead-letter topic it went to ({@code topic.dlt})
 * @param partition its partition (the same on both topics)
 * @param offset its offset on the dead-letter topic
 * @param sourceOffset its offset on {@code topic}, where known
 * @param consumerGroup the consumer group that could not process it, where known; each group that fails on a record
 *     dead-letters its own copy, and a replay reaches every group again
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(
        long id,
        String topic,
        String deadLetterTopic,
        int partition,
        long offset,
        @Nullable Long sourceOffset,
        @Nullable String consumerGroup,
        @Nullable String key,
        Instant failedAt,
        String reason,
        boolean replayable,
        DeadLetterState state,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionReason) {}
