package com.linetrace.metrics.line;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each unit event and each line event once: the inbox row and the change commit together, so a redelivered
 * or republished event changes nothing, and a restart goes on from the committed offsets with nothing lost. A record
 * that cannot be read goes to its dead-letter topic.
 */
class EventListeners {

    static final String UNIT_CONSUMER = "metrics-unit-events";
    static final String LINE_CONSUMER = "metrics-line-events";

    private final Inbox inbox;
    private final LineRecords records;
    private final TransactionTemplate transactions;

    EventListeners(Inbox inbox, LineRecords records, TransactionTemplate transactions) {
        this.inbox = inbox;
        this.records = records;
        this.transactions = transactions;
    }

    @KafkaListener(
            id = "metrics-unit-events",
            topics = Topics.UNIT_EVENTS,
            groupId = "linetrace-metrics",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void onUnitEvent(ConsumerRecord<String, byte[]> record) {
        var event = UnitEvent.CODEC.decode(record.value());
        transactions.executeWithoutResult(status -> {
            if (inbox.firstDelivery(UNIT_CONSUMER, event.eventId())) {
                records.apply(event);
            }
        });
    }

    @KafkaListener(
            id = "metrics-line-events",
            topics = Topics.LINE_EVENTS,
            groupId = "linetrace-metrics",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void onLineEvent(ConsumerRecord<String, byte[]> record) {
        var event = LineEvent.CODEC.decode(record.value());
        transactions.executeWithoutResult(status -> {
            if (inbox.firstDelivery(LINE_CONSUMER, event.eventId())) {
                records.apply(event);
            }
        });
    }
}
