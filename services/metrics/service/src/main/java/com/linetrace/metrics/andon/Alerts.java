package com.linetrace.metrics.andon;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.line.AndonAcknowledged;
import com.linetrace.contracts.line.AndonCleared;
import com.linetrace.contracts.line.AndonRaised;
import com.linetrace.contracts.line.AndonRule;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.messaging.Outbox;
import com.linetrace.metrics.api.AndonAlert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alerts table and the line events that tell of each change, written together: a raised, acknowledged or cleared
 * alert and its event commit in one transaction (the caller's), through metrics' outbox, keyed by the line.
 */
class Alerts {

    /** The actor of what the andon does on its own. */
    static final String ANDON = "metrics-andon";

    private static final String COLUMNS = "id, line, station, rule, subject, message, raised_at, acknowledged_at,"
            + " acknowledged_by, comment, cleared_at";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final String plant;

    Alerts(JdbcClient jdbc, Outbox outbox, String plant) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.plant = plant;
    }

    /** Raises an alert unless one is open for the line, rule and subject (raised by this or another instance). */
    boolean raise(String line, @Nullable String station, AndonRule rule, String subject, String message, Instant at) {
        return raise(line, station, rule, subject, message, null, at);
    }

    /** As above, for a stall: {@code quietSince} is the station's last event, where its stoppage began. */
    boolean raise(
            String line,
            @Nullable String station,
            AndonRule rule,
            String subject,
            String message,
            @Nullable Instant quietSince,
            Instant at) {
        var id = EventIds.next();
        int inserted = jdbc.sql("""
                        insert into metrics.andon_alert (id, line, station, rule, subject, message, raised_at, quiet_since)
                        values (:id, :line, :station, :rule, :subject, :message, :at, :quietSince)
                        on conflict (line, rule, subject) where cleared_at is null do nothing""")
                .param("id", id)
                .param("line", line)
                .param("station", station)
                .param("rule", rule.name())
                .param("subject", subject)
                .param("message", message)
                .param("at", Timestamp.from(at))
                .param("quietSince", quietSince == null ? null : Timestamp.from(quietSince))
                .update();
        if (inserted == 1) {
            publish(line, station, ANDON, at, new AndonRaised(id, rule, subject, message));
        }
        return inserted == 1;
    }

    void clear(AndonAlert alert, String reason, Instant at) {
        int cleared = jdbc.sql("update metrics.andon_alert set cleared_at = :at, cleared_reason = :reason"
                        + " where id = :id and cleared_at is null")
                .param("id", alert.id())
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .update();
        if (cleared == 1) {
            publish(alert.line(), alert.station(), ANDON, at, new AndonCleared(alert.id(), reason));
        }
    }

    /** Records the acknowledgement unless the alert has one; false when it had. */
    boolean acknowledge(AndonAlert alert, String by, String comment, Instant at) {
        int acknowledged = jdbc.sql("update metrics.andon_alert set acknowledged_at = :at, acknowledged_by = :by,"
                        + " comment = :comment where id = :id and acknowledged_at is null")
                .param("id", alert.id())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("comment", comment)
                .update();
        if (acknowledged == 1) {
            publish(alert.line(), alert.station(), by, at, new AndonAcknowledged(alert.id(), comment));
        }
        return acknowledged == 1;
    }

    Optional<AndonAlert> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from metrics.andon_alert where id = :id")
                .param("id", id)
                .query(Alerts::alert)
                .optional();
    }

    /** The line's alerts not yet cleared, newest first. */
    List<AndonAlert> open(String line) {
        return jdbc.sql("select " + COLUMNS + " from metrics.andon_alert where line = :line and cleared_at is null"
                        + " order by raised_at desc, id")
                .param("line", line)
                .query(Alerts::alert)
                .list();
    }

    /** The line's alerts that were open at some moment of {@code [from, to)}, oldest first. */
    List<AndonAlert> during(String line, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from metrics.andon_alert where line = :line and raised_at < :to"
                        + " and (cleared_at is null or cleared_at >= :from) order by raised_at, id")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Alerts::alert)
                .list();
    }

    private void publish(String line, @Nullable String station, String actor, Instant at, LineEvent body) {
        var event =
                new LineEventEnvelope(EventIds.next(), LineEvent.SCHEMA_VERSION, at, plant, line, station, actor, body);
        outbox.append(
                Topics.LINE_EVENTS,
                line,
                event.eventId(),
                LineEvent.CODEC.typeOf(body),
                LineEvent.CODEC.encode(event),
                at);
    }

    private static AndonAlert alert(ResultSet rs, int row) throws SQLException {
        return new AndonAlert(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                AndonRule.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                rs.getString(10),
                instant(rs.getTimestamp(11)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
