package com.linetrace.audit.ledger;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.MessagingAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Appends every record of every LineTrace topic to the ledger, once per event id: a redelivered or republished event
 * appends nothing. A poll's records are appended together ({@link Ledger#appendAll}); a record that is not an event,
 * or whose append fails alone, is named to the error handler, which keeps the records before it and sends it to its
 * topic's dead-letter topic. A new topic is one more name in {@code topics}.
 *
 * <p>Its fetches wait for 64 KB of records or one second, whichever comes first. At a line's pace a fetch that answers
 * at once brings a record or two, and each poll is a transaction of its own (the writer lock, the look-up, the size,
 * two inserts, a commit that waits for the disk) beside the scans' own. Batched, the scan benchmark ran as fast with
 * the ledger as without it; unbatched, 7-9 % slower (docs/ledger-benchmark.md, 2026-12-02). An entry is in the log a
 * second later at most; a checkpoint is signed every minute anyway.
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
            containerFactory = MessagingAutoConfiguration.BATCH_LISTENER_FACTORY,
            properties = {"fetch.min.bytes=65536", "fetch.max.wait.ms=1000"})
    void on(List<ConsumerRecord<String, byte[]>> records) {
        var entries = new ArrayList<LedgerEntry>(records.size());
        RuntimeException unreadable = null;
        for (var record : records) {
            try {
                entries.add(ledger.entry(record.topic(), record.value()));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        if (!entries.isEmpty()) {
            try {
                ledger.appendAll(entries);
            } catch (RuntimeException pollFailed) {
                // One entry spoiled the transaction: find it, keeping the ones before it.
                for (int i = 0; i < entries.size(); i++) {
                    try {
                        ledger.appendAll(entries.subList(i, i + 1));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(reason(e), e, i);
                    }
                }
                throw pollFailed;
            }
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(reason(unreadable), unreadable, entries.size());
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
