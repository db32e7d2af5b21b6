package com.linetrace.deadletter;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.MessagingAutoConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What LineTrace keeps of a record read from a dead-letter topic: where it came from, why it failed, and the
 * original's key, value and own headers for a replay. Two kinds arrive: a verbatim copy written by Spring Kafka's
 * {@code DeadLetterPublishingRecoverer} (the original coordinates in its {@code kafka_dlt-*} headers), and a
 * redacted one, written in its place when the original held private key material, which carries only the reason
 * and where it came from, and is therefore not replayable.
 */
record DeadLetterCopy(
        String deadLetterTopic,
        int partition,
        long offset,
        String sourceTopic,
        @Nullable Long sourceOffset,
        @Nullable String consumerGroup,
        @Nullable String key,
        List<OriginalHeader> headers,
        byte @Nullable [] value,
        String reason,
        boolean replayable,
        Instant failedAt) {

    /** A header of the original record. */
    record OriginalHeader(String name, byte[] value) {}

    static final int MAX_REASON = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DeadLetterCopy of(ConsumerRecord<String, byte[]> record) {
        var headers = record.headers();
        var verbatim = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET) != null;
        var source = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return new DeadLetterCopy(
                record.topic(),
                record.partition(),
                record.offset(),
                source != null ? source : sourceTopicOf(record.topic()),
                verbatim
                        ? number(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET))
                        : redactedOffset(record.value()),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                record.key(),
                originalHeaders(headers),
                // A redacted dead letter's value only restates where it came from: nothing to keep.
                verbatim ? record.value() : null,
                reasonOf(headers),
                verbatim,
                Instant.ofEpochMilli(record.timestamp()));
    }

    static String sourceTopicOf(String deadLetterTopic) {
        var suffix = Topics.deadLetter("");
        return deadLetterTopic.endsWith(suffix)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - suffix.length())
                : deadLetterTopic;
    }

    /**
     * Our own reason header where the error handler wrote one; otherwise Spring Kafka's exception message without
     * its "Listener method '…' threw exception" preamble, which names our classes and tells a person nothing.
     */
    static String reasonOf(Headers headers) {
        var reason = text(headers, MessagingAutoConfiguration.REASON_HEADER);
        if (reason == null) {
            reason = text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            var preamble = reason == null ? -1 : reason.indexOf("threw exception; ");
            if (reason != null && preamble >= 0) {
                reason = reason.substring(preamble + "threw exception; ".length());
            }
        }
        if (reason == null || reason.isBlank()) {
            reason = "No reason was recorded";
        }
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private static List<OriginalHeader> originalHeaders(Headers headers) {
        var original = new ArrayList<OriginalHeader>();
        for (Header header : headers) {
            // The error handler's headers describe the failure, not the record: a replay leaves them behind.
            if (!header.key().startsWith("kafka_dlt-")
                    && !header.key().equals(MessagingAutoConfiguration.REASON_HEADER)
                    && header.value() != null) {
                original.add(new OriginalHeader(header.key(), header.value()));
            }
        }
        return original;
    }

    /** A redacted dead letter states the original's offset in its JSON value. */
    private static @Nullable Long redactedOffset(byte @Nullable [] value) {
        if (value == null) {
            return null;
        }
        try {
            var offset = JSON.readTree(value).get("offset");
            return offset != null && offset.canConvertToLong() ? offset.asLong() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static @Nullable Long number(@Nullable Header header) {
        if (header == null || header.value() == null) {
            return null;
        }
        var bytes = header.value();
        return switch (bytes.length) {
            case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
            case Integer.BYTES -> (long) ByteBuffer.wrap(bytes).getInt();
            default -> null;
        };
    }
}
