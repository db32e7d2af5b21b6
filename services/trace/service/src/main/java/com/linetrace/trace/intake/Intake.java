package com.linetrace.trace.intake;

import com.linetrace.messaging.Inbox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll's records in one transaction, each once (the inbox rows and the read-model rows commit together),
 * with a multi-row statement per table: a commit and a dozen statements per poll instead of a commit or a few
 * statements per event is what lets trace catch up with millions of events. A record that cannot be
 * read, or whose change fails alone, is named to the error handler ({@link BatchListenerFailedException}), which keeps
 * the records before it and retries or dead-letters that one.
 */
final class Intake<E> {

    private final String consumer;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final Function<byte[], E> decoder;
    private final Function<E, UUID> eventId;
    private final ApplyAll<E> apply;
    private final Projection projection;

    /** Writes a poll's new events' own rows, in order; returns their changes of the units' rows. */
    interface ApplyAll<E> {
        List<Projection.UnitChange> apply(List<Projection.Received<E>> events);
    }

    Intake(
            String consumer,
            Inbox inbox,
            TransactionTemplate transactions,
            Function<byte[], E> decoder,
            Function<E, UUID> eventId,
            ApplyAll<E> apply,
            Projection projection) {
        this.consumer = consumer;
        this.inbox = inbox;
        this.transactions = transactions;
        this.decoder = decoder;
        this.eventId = eventId;
        this.apply = apply;
        this.projection = projection;
    }

    void accept(List<ConsumerRecord<String, byte[]>> records) {
        var decoded = new ArrayList<E>(records.size());
        RuntimeException unreadable = null;
        for (var record : records) {
            try {
                decoded.add(decoder.apply(record.value()));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        if (!decoded.isEmpty()) {
            try {
                applyAll(decoded, records);
            } catch (RuntimeException batchFailed) {
                // One record spoiled the transaction: find it, keeping the ones before it.
                for (int i = 0; i < decoded.size(); i++) {
                    var index = i;
                    try {
                        applyAll(decoded.subList(index, index + 1), records.subList(index, index + 1));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(reason(e), e, index);
                    }
                }
                throw batchFailed;
            }
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(reason(unreadable), unreadable, decoded.size());
        }
    }

    private void applyAll(List<E> events, List<ConsumerRecord<String, byte[]>> records) {
        transactions.executeWithoutResult(status -> {
            var fresh =
                    inbox.firstDeliveries(consumer, events.stream().map(eventId).toList());
            var received = new ArrayList<Projection.Received<E>>(fresh.size());
            for (int i = 0; i < events.size(); i++) {
                var event = events.get(i);
                // Removed once applied: an event twice in the same poll is applied at its first delivery only.
                if (fresh.remove(eventId.apply(event))) {
                    received.add(new Projection.Received<>(event, records.get(i).value()));
                }
            }
            if (!received.isEmpty()) {
                projection.touchUnits(apply.apply(received));
            }
        });
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
