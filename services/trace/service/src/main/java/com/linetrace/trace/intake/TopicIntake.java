package com.linetrace.trace.intake;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads both of trace's topics into the read model, each with a listener of its own (its own consumer, its own
 * inbox name): {@code linetrace.unit-events.v1} (the unit's history, row, visits, parts, defects and holds) and
 * {@code linetrace.provisioning-events.v1} (firmware per module, device keys, revocations, every verdict).
 */
class TopicIntake implements ConsumerSeekAware {

    /** The unit events' inbox name; kept from before the read model, so events recorded then are not applied twice. */
    static final String UNIT_CONSUMER = "trace-unit-events";

    static final String PROVISIONING_CONSUMER = "trace-provisioning-events";

    private final Intake<EventEnvelope<UnitEvent>> unitEvents;
    private final Intake<EventEnvelope<ProvisioningEvent>> provisioningEvents;
    private final ReadModelRebuild rebuild;

    TopicIntake(Inbox inbox, Projection projection, TransactionTemplate transactions, ReadModelRebuild rebuild) {
        this.unitEvents = new Intake<>(
                UNIT_CONSUMER,
                inbox,
                transactions,
                UnitEvent.CODEC::decode,
                EventEnvelope::eventId,
                projection::applyUnitEvents,
                projection);
        this.provisioningEvents = new Intake<>(
                PROVISIONING_CONSUMER,
                inbox,
                transactions,
                ProvisioningEvent.CODEC::decode,
                EventEnvelope::eventId,
                projection::applyProvisioningEvents,
                projection);
        this.rebuild = rebuild;
    }

    @KafkaListener(
            id = "trace-unit-events",
            topics = Topics.UNIT_EVENTS,
            groupId = "linetrace-trace",
            containerFactory = MessagingAutoConfiguration.BATCH_LISTENER_FACTORY)
    void onUnitEvents(List<ConsumerRecord<String, byte[]>> records) {
        unitEvents.accept(records);
    }

    @KafkaListener(
            id = "trace-provisioning-events",
            topics = Topics.PROVISIONING_EVENTS,
            groupId = "linetrace-trace",
            containerFactory = MessagingAutoConfiguration.BATCH_LISTENER_FACTORY)
    void onProvisioningEvents(List<ConsumerRecord<String, byte[]>> records) {
        provisioningEvents.accept(records);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        rebuild.onAssigned(assignments.keySet(), callback);
    }
}
