package com.linetrace.trace.intake;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
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
 * Reads {@code linetrace.provisioning-events.v1} into the read model: firmware per module, device keys, revocations
 * and every verdict as it came.
 */
class ProvisioningEventIntake implements ConsumerSeekAware {

    static final String CONSUMER = "trace-provisioning-events";

    private final Intake<EventEnvelope<ProvisioningEvent>> intake;
    private final ReadModelRebuild rebuild;

    ProvisioningEventIntake(
            Inbox inbox, Projection projection, TransactionTemplate transactions, ReadModelRebuild rebuild) {
        this.intake = new Intake<>(
                CONSUMER,
                inbox,
                transactions,
                ProvisioningEvent.CODEC::decode,
                EventEnvelope::eventId,
                (event, payload) -> projection.apply(event));
        this.rebuild = rebuild;
    }

    @KafkaListener(
            id = "trace-provisioning-events",
            topics = Topics.PROVISIONING_EVENTS,
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
