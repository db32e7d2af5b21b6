package com.linetrace.messaging;

import com.linetrace.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record that cannot be processed to its topic's dead-letter topic (same partition), with the reason in
 * headers. A value larger than the producer could send (a compressed record can be far larger than the broker's
 * limit once read) is left out, and a header says where the original is: otherwise the dead letter itself would
 * fail, the listener would retry the record forever and its partition would stall behind it.
 */
public final class DeadLetters extends DeadLetterPublishingRecoverer {

    /** The most of a value a dead letter carries, well below the producer's 1 MiB request limit. */
    public static final int MAX_VALUE_BYTES = 512 * 1024;

    /** Header of a dead letter whose value was left out, saying why and where the original record is. */
    public static final String VALUE_LEFT_OUT_HEADER = "linetrace-dlt-value-left-out";

    public DeadLetters(KafkaOperations<?, ?> kafka) {
        // Same partition number on the dead-letter topic, which is declared with as many partitions as its source.
        super(kafka, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(
            ConsumerRecord<?, ?> record,
            TopicPartition topicPartition,
            Headers headers,
            byte @Nullable [] key,
            byte @Nullable [] value) {
        var deadLetter = super.createProducerRecord(record, topicPartition, headers, key, value);
        if (!(deadLetter.value() instanceof byte[] bytes) || bytes.length <= MAX_VALUE_BYTES) {
            return deadLetter;
        }
        headers.add(new RecordHeader(
                VALUE_LEFT_OUT_HEADER,
                ("The value of " + bytes.length + " bytes is too large for a dead letter; the record is "
                                + record.topic() + "-" + record.partition() + "@" + record.offset())
                        .getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(
                deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(), deadLetter.key(), null, headers);
    }
}
