package com.linetrace.metrics.andon;

import com.linetrace.contracts.line.AndonRule;
import com.linetrace.metrics.api.AndonAlert;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the andon's rules every {@code check-interval}: what each rule finds in the metrics schema now is what
 * should be open, so an alert is raised for a cause without one and cleared for one whose cause is gone. One instance
 * of metrics evaluates at a time (a transaction-scoped advisory lock); a pass that finds the lock taken does nothing.
 * Rules that are about events (a quarantine, a revocation, a dead letter) read the facts the listeners keep.
 */
class AndonRules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AndonRules.class);

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final AndonSettings settings;
    private final Clock clock;
    private volatile @Nullable ScheduledExecutorService scheduler;

    AndonRules(JdbcClient jdbc, Alerts alerts, TransactionTemplate transactions, AndonSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** A cause a rule finds: what an open alert of the line should say. */
    record Cause(
            AndonRule rule,
            String subject,
            @Nullable String station,
            String message,
            @Nullable Instant since) {

        Cause(AndonRule rule, String subject, @Nullable String station, String message) {
            this(rule, subject, station, message, null);
        }

        String key() {
            return rule + "/" + subject;
        }
    }

    /** One pass over every line; false when another instance holds the lock. */
    boolean evaluate() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('linetrace-metrics-andon'))")
                    .query(Boolean.class)
                    .single();
            if (!mine) {
                return false;
            }
            var now = clock.instant();
            var deadLetters = deadLetters();
            for (var line : lines()) {
                var causes = new ArrayList<Cause>();
                causes.addAll(stalls(line, now));
                causes.addAll(lowYield(line));
                causes.addAll(quarantines(line));
                causes.addAll(revocations(line));
                causes.addAll(deadLetters);
                reconcile(line, causes, now);
            }
            return true;
        }));
    }

    private void reconcile(String line, List<Cause> causes, Instant now) {
        var wanted = new HashMap<String, Cause>();
        causes.forEach(c -> wanted.putIfAbsent(c.key(), c));
        var open = new HashMap<String, AndonAlert>();
        for (var alert : alerts.open(line)) {
            var key = alert.rule() + "/" + alert.subject();
            if (wanted.containsKey(key)) {
                open.put(key, alert);
            } else {
                alerts.clear(alert, cleared(alert.rule(), alert.subject()), now);
            }
        }
        for (var cause : wanted.values()) {
            if (!open.containsKey(cause.key())) {
                alerts.raise(line, cause.station(), cause.rule(), cause.subject(), cause.message(), cause.since(), now);
            }
        }
    }

    private String cleared(AndonRule rule, String subject) {
        return switch (rule) {
            case STATION_STALLED -> subject + " has events again, or no unit waits for it";
            case FIRST_PASS_YIELD_LOW ->
                "First-pass yield of the last " + settings.yieldUnits() + " units is back at "
                        + percent(settings.yieldThreshold()) + " or more";
            case LOT_QUARANTINED -> "The quarantine of lot " + subject + " was lifted";
            case FIRMWARE_REVOKED -> "Every unit of the line carrying the revoked release was released or scrapped";
            case DEAD_LETTERS -> "Every dead letter of " + subject + " was replayed or discarded";
        };
    }

    private List<String> lines() {
        return jdbc.sql("select line from metrics.line union select line from metrics.work_order order by 1")
                .query(String.class)
                .list();
    }

    /** Stations with a unit in work there, or waiting for their kind, and no event for N. */
    private List<Cause> stalls(String line, Instant now) {
        var quietSince = now.minus(settings.stallAfter());
        return jdbc.sql("""
                        select s.station, s.last_event_at from metrics.station s
                        where s.line = :line and s.last_event_at < :quietSince
                          and (exists (select 1 from metrics.unit_position p where p.line = s.line
                                         and p.state = 'WORKING' and p.station = s.station and not p.held)
                               or (s.kind is not null and exists (select 1 from metrics.unit_position p
                                         where p.line = s.line and p.state = 'WAITING' and p.next_kind = s.kind
                                           and not p.held)))
                        order by s.station""")
                .param("line", line)
                .param("quietSince", Timestamp.from(quietSince))
                .query((rs, n) -> {
                    var station = rs.getString(1);
                    var since = rs.getTimestamp(2).toInstant();
                    var quiet = Duration.between(since, now);
                    return new Cause(
                            AndonRule.STATION_STALLED,
                            station,
                            station,
                            station + " has work and no event for " + minutes(quiet),
                            since);
                })
                .list();
    }

    /** The first-pass yield of the line's last M completed units, once there are M. */
    private List<Cause> lowYield(String line) {
        var counts = jdbc.sql("""
                        with recent as (select serial from metrics.unit_completed where line = :line
                                        order by completed_at desc limit :units)
                        select count(*), count(*) filter (where not exists (select 1 from metrics.work_result r
                                         where r.serial = recent.serial and r.result = 'FAIL'))
                        from recent""")
                .param("line", line)
                .param("units", settings.yieldUnits())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
        int units = counts[0];
        double yield = units == 0 ? 1 : (double) counts[1] / units;
        if (units < settings.yieldUnits() || yield >= settings.yieldThreshold()) {
            return List.of();
        }
        return List.of(new Cause(
                AndonRule.FIRST_PASS_YIELD_LOW,
                line,
                null,
                "First-pass yield of the last " + units + " units is " + percent(yield) + ", under "
                        + percent(settings.yieldThreshold())));
    }

    private List<Cause> quarantines(String line) {
        return jdbc.sql("select part_number, lot, reason from metrics.lot_quarantine where line = :line"
                        + " and lifted_at is null order by part_number, lot")
                .param("line", line)
                .query((rs, n) -> {
                    var subject = rs.getString(1) + "/" + rs.getString(2);
                    return new Cause(
                            AndonRule.LOT_QUARANTINED,
                            subject,
                            null,
                            "Lot " + rs.getString(2) + " of " + rs.getString(1) + " is quarantined: "
                                    + rs.getString(3));
                })
                .list();
    }

    private List<Cause> revocations(String line) {
        return jdbc.sql("""
                        select release_id, max(release), max(reason), count(*) from metrics.firmware_revocation
                        where line = :line and settled_at is null group by release_id order by 1""")
                .param("line", line)
                .query((rs, n) -> new Cause(
                        AndonRule.FIRMWARE_REVOKED,
                        rs.getString(1),
                        null,
                        "Firmware " + rs.getString(2) + " was revoked (" + rs.getString(3) + "): " + rs.getInt(4)
                                + " unit(s) of the line carry it and wait to be released or scrapped"))
                .list();
    }

    /** Dead letters concern the whole plant: every line shows them. */
    private List<Cause> deadLetters() {
        return jdbc.sql("""
                        select topic, count(*) from metrics.dead_letter
                        where seen_at is not null and settled_at is null group by topic order by topic""")
                .query((rs, n) -> new Cause(
                        AndonRule.DEAD_LETTERS,
                        rs.getString(1),
                        null,
                        rs.getInt(2) + " record(s) on " + rs.getString(1)
                                + " could not be processed and wait for a person (Dead letters)"))
                .list();
    }

    private static String minutes(Duration quiet) {
        return quiet.toMinutes() >= 1 ? quiet.toMinutes() + " min" : quiet.toSeconds() + " s";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    @Override
    public void start() {
        var runner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("metrics-andon").daemon().factory());
        runner.scheduleWithFixedDelay(
                this::pass,
                settings.checkInterval().toMillis(),
                settings.checkInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler = runner;
    }

    private void pass() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            // The database away, most often: the next pass tries again.
            log.warn("The andon's rules could not be evaluated: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        var runner = scheduler;
        scheduler = null;
        if (runner != null) {
            runner.shutdownNow();
            try {
                runner.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
