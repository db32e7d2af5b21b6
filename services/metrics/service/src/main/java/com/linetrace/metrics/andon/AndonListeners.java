package com.linetrace.metrics.andon;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.DeadLetterDiscarded;
import com.linetrace.contracts.action.DeadLetterReplayed;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.messaging.MessagingAutoConfiguration;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the facts the event rules read: units carrying a revoked release (provisioning's events), the records of the
 * dead-letter topics, and which of them a person settled (deadletter's audit actions, its published record of each
 * replay or discard). Each write is an idempotent upsert, so a redelivered record changes nothing and no inbox is
 * needed; a record that cannot be read goes to its dead-letter topic as everywhere.
 */
class AndonListeners {

    /**
     * The dead-letter topics of the plant's topics ({@code linetrace.<name>.v<n>.dlt}), those declared later too, and
     * not a dead-letter topic's own.
     */
    static final String DEAD_LETTER_TOPICS = "linetrace\\.[a-z-]+\\.v[0-9]+\\.dlt";

    private final JdbcClient jdbc;

    AndonListeners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(
            id = "metrics-provisioning-events",
            topics = Topics.PROVISIONING_EVENTS,
            groupId = "linetrace-metrics",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void onProvisioningEvent(ConsumerRecord<String, byte[]> record) {
        var event = ProvisioningEvent.CODEC.decode(record.value());
        if (event.body() instanceof FirmwareReleaseRevoked revoked) {
            jdbc.sql("""
                            insert into metrics.firmware_revocation (release_id, serial, line, release, reason, revoked_at)
                            values (:release, :serial, :line, :name, :reason, :at) on conflict do nothing""")
                    .param("release", revoked.releaseId())
                    .param("serial", event.serial().value())
                    .param("line", event.line())
                    .param("name", revoked.module() + " " + revoked.version())
                    .param("reason", revoked.reason())
                    .param("at", Timestamp.from(event.occurredAt()))
                    .update();
        }
    }

    @KafkaListener(
            id = "metrics-dead-letters",
            topicPattern = DEAD_LETTER_TOPICS,
            groupId = "linetrace-metrics",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        jdbc.sql("""
                        insert into metrics.dead_letter as d (topic, partition, "offset", seen_at)
                        values (:topic, :partition, :offset, :at)
                        on conflict (topic, partition, "offset") do update set seen_at = coalesce(d.seen_at, excluded.seen_at)""")
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .param("at", Timestamp.from(Instant.ofEpochMilli(record.timestamp())))
                .update();
    }

    @KafkaListener(
            id = "metrics-audit-actions",
            topics = Topics.AUDIT_ACTIONS,
            groupId = "linetrace-metrics",
            containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
    void onAuditAction(ConsumerRecord<String, byte[]> record) {
        var action = AuditAction.CODEC.decode(record.value());
        switch (action.body()) {
            case DeadLetterReplayed replayed ->
                settle(replayed.deadLetterTopic(), replayed.partition(), replayed.offset(), action.occurredAt());
            case DeadLetterDiscarded discarded ->
                settle(discarded.deadLetterTopic(), discarded.partition(), discarded.offset(), action.occurredAt());
            default -> {}
        }
    }

    /** Settled before or after metrics read the dead letter itself: the two topics are read independently. */
    private void settle(String topic, int partition, long offset, Instant at) {
        jdbc.sql("""
                        insert into metrics.dead_letter as d (topic, partition, "offset", settled_at)
                        values (:topic, :partition, :offset, :at)
                        on conflict (topic, partition, "offset") do update set settled_at = coalesce(d.settled_at, excluded.settled_at)""")
                .param("topic", topic)
                .param("partition", partition)
                .param("offset", offset)
                .param("at", Timestamp.from(at))
                .update();
    }
}
