package com.linetrace.trace.intake;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Topics;
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

/** Reads {@code linetrace.unit-events.v1} into the read model: the unit's history, row, visits, parts and holds. */
class UnitEventIntake implements ConsumerSeekAware {

    /** The inbox's consumer name; kept from before the read model, so events recorded then are not applied twice. */
    static final String CONSUMER = "trace-unit-events";

    private final Intake<EventEnvelope<UnitEvent>> intake;
    private final ReadModelRebuild rebuild;

    UnitEventIntake(Inbox inbox, Projection projection, TransactionTemplate transactions, ReadModelRebuild rebuild) {
        this.intake = new Intake<>(
                CONSUMER, inbox, transactions, UnitEvent.CODEC::decode, EventEnvelope::eventId, projection::apply);
        this.rebuild = rebuild;
    }

    @KafkaListener(
            id = "trace-unit-events",
            topics = Topics.UNIT_EVENTS,
            groupId = "linetrace-trace",
            containerFactory = MessagingAutoConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        intake.accept(records);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        rebuild.onAssigned(assignments.keySet(), callback);
    }
}
