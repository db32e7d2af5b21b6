package com.linetrace.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a consumer idempotent: it records each event id it applies, in the same transaction as the change
 * the event causes, so a redelivered or republished event is recognised and skipped.
 */
public final class Inbox {

    private final JdbcClient jdbc;
    private final String table;

    public Inbox(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = ServiceSchema.qualified(schema, "inbox");
    }

    /** True the first time {@code consumer} sees this event id; false for every later delivery of it. */
    public boolean firstDelivery(String consumer, UUID eventId) {
        requireTransaction();
        return jdbc.sql("insert into " + table
                                + " (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    /**
     * The ids among {@code eventIds} that {@code consumer} sees for the first time, recorded in one statement (a
     * batch listener's poll). The ids are inserted in sorted order, so two instances handed overlapping polls during
     * a rebalance wait for each other instead of deadlocking.
     */
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        requireTransaction();
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        var ids = eventIds.stream().distinct().sorted().map(UUID::toString).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("insert into " + table + " (consumer, event_id)"
                        + " select :consumer, id from unnest(cast(:ids as uuid[])) with ordinality as t(id, n)"
                        + " order by n on conflict do nothing returning event_id")
                .param("consumer", consumer)
                .param("ids", ids)
                .query(UUID.class)
                .list());
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An inbox check must run in the transaction of the change it guards");
        }
    }
}
