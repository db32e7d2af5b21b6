package com.linetrace.audit.ledger;

import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.AuditLedgerBroken;
import com.linetrace.messaging.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Raises the alarm when the ledger finds itself altered: its health component goes DOWN, the gauge
 * {@code linetrace.audit.ledger.intact} drops to 0 and {@code linetrace.audit.ledger.broken} counts the discovery, an
 * ERROR is logged, and an {@link AuditLedgerBroken} action goes to the audit-actions topic through audit's outbox (the
 * andon of issue 16 will show it). Each discovery alarms once; it stays DOWN until a verification finds the ledger
 * intact again.
 */
class LedgerWatch implements HealthIndicator {

    static final String ACTOR = "audit";

    private static final Logger log = LoggerFactory.getLogger(LedgerWatch.class);

    private final AtomicReference<@Nullable LedgerVerification> last = new AtomicReference<>();
    private final Outbox outbox;
    private final TransactionOperations transactions;
    private final LedgerSettings settings;
    private final Clock clock;
    private final Counter discoveries;

    LedgerWatch(
            Outbox outbox,
            TransactionOperations transactions,
            LedgerSettings settings,
            MeterRegistry meters,
            Clock clock) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.discoveries = Counter.builder("linetrace.audit.ledger.broken")
                .description("Times the audit ledger's verification found it altered")
                .register(meters);
        Gauge.builder("linetrace.audit.ledger.intact", this, watch -> {
                    var verification = watch.last.get();
                    return verification == null ? -1 : verification.intact() ? 1 : 0;
                })
                .description("1 when the last verification found the audit ledger intact, 0 when altered, -1 before")
                .register(meters);
    }

    void record(LedgerVerification verification) {
        var previous = last.getAndSet(verification);
        if (verification.intact() || (previous != null && !previous.intact())) {
            return;
        }
        discoveries.increment();
        log.error(
                "The audit ledger was altered: {} ({} entries, {} checkpoints read)",
                verification.problem(),
                verification.entries(),
                verification.checkpoints());
        var problem = String.valueOf(verification.problem());
        var action = new AuditLedgerBroken(
                verification.entries(),
                verification.checkpoints(),
                problem.length() > Text.REASON ? problem.substring(0, Text.REASON) : problem);
        var now = clock.instant();
        var event =
                new AuditActionEvent(EventIds.next(), AuditAction.SCHEMA_VERSION, now, settings.plant(), ACTOR, action);
        transactions.executeWithoutResult(status -> outbox.append(
                Topics.AUDIT_ACTIONS,
                ACTOR,
                event.eventId(),
                AuditAction.CODEC.typeOf(action),
                AuditAction.CODEC.encode(event),
                now));
    }

    @Nullable
    LedgerVerification last() {
        return last.get();
    }

    boolean broken() {
        var verification = last.get();
        return verification != null && !verification.intact();
    }

    @Nullable
    String problem() {
        var verification = last.get();
        return verification == null ? null : verification.problem();
    }

    @Override
    public Health health() {
        var verification = last.get();
        if (verification == null) {
            return Health.unknown().withDetail("verified", false).build();
        }
        var health = verification.intact() ? Health.up() : Health.down().withDetail("problem", verification.problem());
        return health.withDetail("entries", verification.entries())
                .withDetail("checkpoints", verification.checkpoints())
                .withDetail("checkedAt", verification.checkedAt().toString())
                .build();
    }
}
