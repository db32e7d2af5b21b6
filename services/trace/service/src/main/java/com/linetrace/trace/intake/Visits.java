package com.linetrace.trace.intake;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.WorkCompleted;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A poll's changes to {@code operation_visit}, worked out in memory and written with two statements: a check-in
 * opens a visit, a result closes the latest visit of that operation still without one (or opens and closes one when
 * there is none), a check-out the latest still open. "Latest" is the order the one-row statements before used
 * ({@code arrived_at desc, event_id desc}, UUIDs compared as PostgreSQL compares them), over the visits the batch's
 * units still had open in the table and those the batch opened, so a poll gives the rows an event at a time gave.
 */
final class Visits {

    private static final Comparator<Visit> LATEST = Comparator.comparing((Visit visit) -> visit.arrivedAt)
            .thenComparing(visit -> visit.eventId, Visits::compareAsPostgres);

    private final Map<String, List<Visit>> bySerial = new HashMap<>();
    private final List<Visit> opened = new ArrayList<>();
    private final Set<Visit> changed = new LinkedHashSet<>();

    private Visits() {}

    /** The visits of {@code serials} still waiting for a result or a check-out. */
    static Visits load(JdbcClient jdbc, Collection<String> serials) {
        var visits = new Visits();
        if (serials.isEmpty()) {
            return visits;
        }
        jdbc.sql("""
                        select serial, event_id, operation, arrived_at, completed_at, result, defects, departed_at
                        from trace.operation_visit
                        where serial = any(cast(:serials as text[])) and (completed_at is null or departed_at is null)""")
                .param("serials", serials.toArray(String[]::new))
                .query((row, n) -> {
                    var visit = new Visit(
                            row.getString("serial"),
                            row.getObject("event_id", UUID.class),
                            row.getInt("operation"),
                            row.getObject("arrived_at", OffsetDateTime.class).toInstant());
                    visit.completedAt = instant(row.getObject("completed_at", OffsetDateTime.class));
                    visit.result = row.getString("result");
                    visit.defects =
                            Arrays.asList((String[]) row.getArray("defects").getArray());
                    visit.departedAt = instant(row.getObject("departed_at", OffsetDateTime.class));
                    return visit;
                })
                .list()
                .forEach(visit -> visits.of(visit.serial).add(visit));
        return visits;
    }

    void arrived(EventEnvelope<UnitEvent> event, UnitsArrived arrived, Instant at) {
        var visit = new Visit(event.serial().value(), event.eventId(), arrived.operation(), Rows.micros(at));
        visit.operationName = arrived.operationName();
        visit.stationKind = arrived.stationKind();
        visit.station = event.station();
        visit.operator = event.actor();
        visit.rework = arrived.rework();
        open(visit);
    }

    void completed(EventEnvelope<UnitEvent> event, WorkCompleted work, Instant at) {
        var serial = event.serial().value();
        var visit = latest(serial, work.operation(), candidate -> candidate.completedAt == null);
        if (visit == null) {
            // Work reported without a check-in trace has (events from before trace kept visits): the visit starts here.
            visit = new Visit(serial, event.eventId(), work.operation(), Rows.micros(at));
            visit.operationName = work.operationName();
            visit.station = event.station();
            visit.operator = event.actor();
            open(visit);
        }
        visit.completedAt = Rows.micros(at);
        visit.result = work.result().name();
        visit.defects = work.defects();
        changed(visit);
    }

    void departed(EventEnvelope<UnitEvent> event, UnitsDeparted departed, Instant at) {
        var visit = latest(event.serial().value(), departed.operation(), candidate -> candidate.departedAt == null);
        if (visit != null) {
            visit.departedAt = Rows.micros(at);
            changed(visit);
        }
    }

    void write(JdbcClient jdbc) {
        var inserts = new Rows(
                "serial",
                "eventId",
                "operation",
                "name",
                "kind",
                "station",
                "operator",
                "rework",
                "arrivedAt",
                "completedAt",
                "result",
                "defects",
                "departedAt");
        for (var visit : opened) {
            inserts.add(
                    visit.serial,
                    visit.eventId,
                    visit.operation,
                    visit.operationName,
                    visit.stationKind,
                    visit.station,
                    visit.operator,
                    visit.rework,
                    visit.arrivedAt,
                    visit.completedAt,
                    visit.result,
                    Rows.arrayLiteral(visit.defects),
                    visit.departedAt);
        }
        inserts.write(jdbc, """
                insert into trace.operation_visit (serial, event_id, operation, operation_name, station_kind, station,
                    operator, rework, arrived_at, completed_at, result, defects, departed_at)
                select serial, event_id, operation, name, kind, station, operator, rework, arrived_at, completed_at,
                    result, cast(defects as text[]), departed_at
                from unnest(cast(:serial as text[]), cast(:eventId as uuid[]), cast(:operation as integer[]),
                    cast(:name as text[]), cast(:kind as text[]), cast(:station as text[]), cast(:operator as text[]),
                    cast(:rework as boolean[]), cast(:arrivedAt as timestamptz[]), cast(:completedAt as timestamptz[]),
                    cast(:result as text[]), cast(:defects as text[]), cast(:departedAt as timestamptz[]))
                    as v(serial, event_id, operation, name, kind, station, operator, rework, arrived_at, completed_at,
                        result, defects, departed_at)""");
        var updates = new Rows("serial", "eventId", "completedAt", "result", "defects", "departedAt");
        for (var visit : changed) {
            updates.add(
                    visit.serial,
                    visit.eventId,
                    visit.completedAt,
                    visit.result,
                    Rows.arrayLiteral(visit.defects),
                    visit.departedAt);
        }
        updates.write(jdbc, """
                update trace.operation_visit v set completed_at = c.completed_at, result = c.result,
                    defects = cast(c.defects as text[]), departed_at = c.departed_at
                from unnest(cast(:serial as text[]), cast(:eventId as uuid[]), cast(:completedAt as timestamptz[]),
                    cast(:result as text[]), cast(:defects as text[]), cast(:departedAt as timestamptz[]))
                    as c(serial, event_id, completed_at, result, defects, departed_at)
                where v.serial = c.serial and v.event_id = c.event_id""");
    }

    private void open(Visit visit) {
        visit.opened = true;
        opened.add(visit);
        of(visit.serial).add(visit);
    }

    /** A visit already in the table whose result or check-out this poll sets (a visit it opened is inserted whole). */
    private void changed(Visit visit) {
        if (!visit.opened) {
            changed.add(visit);
        }
    }

    private @Nullable Visit latest(String serial, int operation, Predicate<Visit> waiting) {
        return of(serial).stream()
                .filter(visit -> visit.operation == operation && waiting.test(visit))
                .max(LATEST)
                .orElse(null);
    }

    private List<Visit> of(String serial) {
        return bySerial.computeIfAbsent(serial, key -> new ArrayList<>());
    }

    /** PostgreSQL orders UUIDs by their bytes, unsigned; Java's {@link UUID#compareTo} compares signed halves. */
    static int compareAsPostgres(UUID a, UUID b) {
        var high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** One row of {@code operation_visit}; the columns a check-in sets are known only for a visit this poll opened. */
    private static final class Visit {
        final String serial;
        final UUID eventId;
        final int operation;
        final Instant arrivedAt;
        boolean opened;

        @Nullable
        String operationName;

        @Nullable
        String stationKind;

        @Nullable
        String station;

        @Nullable
        String operator;

        boolean rework;

        @Nullable
        Instant completedAt;

        @Nullable
        String result;

        List<String> defects = List.of();

        @Nullable
        Instant departedAt;

        Visit(String serial, UUID eventId, int operation, Instant arrivedAt) {
            this.serial = serial;
            this.eventId = eventId;
            this.operation = operation;
            this.arrivedAt = arrivedAt;
        }
    }
}
