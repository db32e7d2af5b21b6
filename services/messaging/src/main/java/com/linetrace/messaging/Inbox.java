package com.linetrace.messaging;

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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An inbox check must run in the transaction of the change it guards");
        }
        return jdbc.sql("insert into " + table
                                + " (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .update()
                == 1;
    }
}
