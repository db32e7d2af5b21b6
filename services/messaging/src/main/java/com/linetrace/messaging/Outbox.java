package com.linetrace.messaging;

import com.linetrace.contracts.EventCodec;
import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A service's outbox: events appended here are committed with the change they record, or not at all, and
 * the {@link OutboxRelay} then publishes them to Kafka. This is what lets a service change its tables and
 * tell the plant about it without a distributed transaction.
 */
public final class Outbox {

    private final JdbcClient jdbc;
    private final String table;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, String schema, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.table = ServiceSchema.qualified(schema, "outbox");
        this.relay = relay;
    }

    /**
     * Appends an event for {@code topic}, keyed by the event's serial so that a unit's events keep their order.
     *
     * @throws IllegalStateException when called outside a transaction: the event would not be tied to its change
     */
    public <E> void append(String topic, EventCodec<E> codec, EventEnvelope<? extends E> event) {
        append(
                topic,
                event.serial().value(),
                event.eventId(),
                codec.typeOf(event.body()),
                codec.encode(event),
                event.occurredAt());
    }

    /**
     * Appends a person's action for the audit topic, keyed by the actor.
     *
     * @throws IllegalStateException when called outside a transaction: the action would not be tied to its change
     */
    public void append(AuditActionEvent action) {
        append(
                Topics.AUDIT_ACTIONS,
                action.actor(),
                action.eventId(),
                AuditAction.CODEC.typeOf(action.body()),
                AuditAction.CODEC.encode(action),
                action.occurredAt());
    }

    /**
     * Appends an already-encoded event for {@code topic} under {@code key}, for events that are not about one unit
     * (a person's action, keyed by the actor).
     *
     * @throws IllegalStateException when called outside a transaction: the event would not be tied to its change
     */
    public void append(String topic, String key, UUID eventId, String type, byte[] payload, Instant occurredAt) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outbox append must run in the transaction of the change it records");
        }
        jdbc.sql("insert into " + table
                        + " (event_id, topic, message_key, event_type, payload, occurred_at)"
                        + " values (:eventId, :topic, :key, :type, :payload, :occurredAt)")
                .param("eventId", eventId)
                .param("topic", topic)
                .param("key", key)
                .param("type", type)
                .param("payload", payload)
                .param("occurredAt", Timestamp.from(occurredAt))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
