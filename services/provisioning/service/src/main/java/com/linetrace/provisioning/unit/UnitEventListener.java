package com.linetrace.provisioning.unit;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceMessaging;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Follows every unit from tracking's events, once per event (inbox); an unreadable record goes to the dead letters. */
@Component
class UnitEventListener {

    static final String CONSUMER = "provisioning-unit-events";

    private final Inbox inbox;
    private final UnitLocations locations;
    private final TransactionTemplate transactions;

    UnitEventListener(
            @Qualifier("provisioningMessaging") ServiceMessaging messaging,
            UnitLocations locations,
            TransactionTemplate transactions) {
        this.inbox = messaging.inbox();
        this.locations = locations;
        this.transactions = transactions;
    }

    @KafkaListener(
            id = "provisioning-unit-events",
            topics = Topics.UNIT_EVENTS,
            groupId = "linetrace-provisioning-units",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = UnitEvent.CODEC.decode(record.value());
        transactions.executeWithoutResult(status -> {
            if (inbox.firstDelivery(CONSUMER, event.eventId())) {
                locations.apply(event);
            }
        });
    }
}
