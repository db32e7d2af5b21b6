package com.linetrace.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Copies every record of every LineTrace dead-letter topic into the {@code deadletter} schema, where a person can
 * see it and decide. One consumer group for the whole plant: services running apart share the work, and a copy
 * read twice is kept once.
 */
class DeadLetterCollector {

    /** Every LineTrace topic's dead-letter topic, including those declared after the collector started. */
    static final String TOPICS = "linetrace\\..+\\.dlt";

    private final DeadLetterRepository repository;

    DeadLetterCollector(DeadLetterRepository repository) {
        this.repository = repository;
    }

    @KafkaListener(
            id = "linetrace-dead-letters",
            topicPattern = TOPICS,
            groupId = "linetrace-dead-letters",
            containerFactory = DeadLetterAutoConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        repository.record(DeadLetterCopy.of(record));
    }
}
