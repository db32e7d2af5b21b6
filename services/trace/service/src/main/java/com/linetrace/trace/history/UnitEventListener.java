package com.linetrace.trace.history;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each unit event once: the inbox row and the history row commit together, so a redelivered or
 * republished event changes nothing. A record that cannot be read goes to the dead-letter topic.
 */
class UnitEventListener {

    static final String CONSUMER = "trace-unit-events";

    private final Inbox inbox;
    private final HistoryRepository history;
    private final TransactionTemplate transactions;

    UnitEventListener(Inbox inbox, HistoryRepository history, TransactionTemplate transactions) {
        this.inbox = inbox;
        this.history = history;
        this.transactions = transactions;
    }

    @KafkaListener(
            id = "trace-unit-events",
            topics = Topics.UNIT_EVENTS,
            groupId = "linetrace-trace",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = UnitEvent.CODEC.decode(record.value());
        transactions.executeWithoutResult(status -> {
            if (inbox.firstDelivery(CONSUMER, event.eventId())) {
                history.insert(event, record.value());
            }
        });
    }
}
