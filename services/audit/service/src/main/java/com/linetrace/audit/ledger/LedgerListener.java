package com.linetrace.audit.ledger;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.MessagingAutoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Appends every record of every LineTrace topic to the ledger, once per event id: a redelivered or republished event
 * appends nothing. A record that is not an event goes to its topic's dead-letter topic. A new topic is one more name
 * in {@code topics}.
 */
class LedgerListener {

    static final String GROUP = "linetrace-audit";

    private final Ledger ledger;

    LedgerListener(Ledger ledger) {
        this.ledger = ledger;
    }

    @KafkaListener(
            id = "audit-ledger",
            topics = {
                Topics.UNIT_EVENTS,
                Topics.PROVISIONING_EVENTS,
                Topics.AUDIT_ACTIONS,
                Topics.EQUIPMENT_RESULTS,
                Topics.LINE_EVENTS
            },
            groupId = GROUP,
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        ledger.append(record.topic(), record.value());
    }
}
