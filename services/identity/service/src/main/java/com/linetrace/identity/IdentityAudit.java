package com.linetrace.identity;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.messaging.Outbox;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Identity's audit actions (sign-ins, failed sign-ins, user changes) through identity's own outbox to
 * {@code linetrace.audit-actions.v1}, which the audit ledger reads: in the transaction of the change they record when
 * there is one, else in one of their own.
 */
final class IdentityAudit {

    private final Outbox outbox;
    private final TransactionOperations transactions;
    private final String plant;
    private final Clock clock;

    IdentityAudit(Outbox outbox, TransactionOperations transactions, String plant, Clock clock) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.plant = plant;
        this.clock = clock;
    }

    void record(String actor, @Nullable String origin, AuditAction action) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            append(actor, origin, action);
        } else {
            transactions.executeWithoutResult(status -> append(actor, origin, action));
        }
    }

    private void append(String actor, @Nullable String origin, AuditAction action) {
        var now = clock.instant();
        var event =
                new AuditActionEvent(EventIds.next(), AuditAction.SCHEMA_VERSION, now, plant, actor, origin, action);
        outbox.append(
                Topics.AUDIT_ACTIONS,
                actor,
                event.eventId(),
                AuditAction.CODEC.typeOf(action),
                AuditAction.CODEC.encode(event),
                now);
    }

    /** A name as typed, fit for an audit action: at most 100 characters, anything unprintable as '?'. */
    static String printable(String name) {
        var shown = name.length() > Text.ID ? name.substring(0, Text.ID - 1) + "…" : name;
        shown = shown.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Cs}\\p{Cn}]", "?");
        return shown.isBlank() || Text.problemWith(shown, Text.ID) != null ? "?" : shown;
    }
}
