package com.linetrace.tracking;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.messaging.Outbox;
import com.linetrace.web.ClientOrigin;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a person did in tracking on the audit topic, through tracking's outbox: who (the caller), when, from
 * where (the client's address) and the action itself. In the transaction of the change it records, when there is
 * one; an action that changes nothing (an export) gets a transaction of its own.
 */
public class AuditTrail {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final TrackingSettings settings;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(
            @Qualifier("trackingOutbox") Outbox outbox,
            PlatformTransactionManager transactions,
            TrackingSettings settings) {
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    /** Records {@code action} by the caller, in the current transaction or else in one of its own. */
    public void record(AuditAction action) {
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                clock.instant(),
                settings.plant(),
                Caller.name(),
                ClientOrigin.current(),
                action);
        transactions.executeWithoutResult(status -> outbox.append(event));
    }
}
