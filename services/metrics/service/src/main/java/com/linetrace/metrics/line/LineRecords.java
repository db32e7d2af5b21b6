package com.linetrace.metrics.line;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.line.AndonAcknowledged;
import com.linetrace.contracts.line.AndonCleared;
import com.linetrace.contracts.line.AndonRaised;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.LotQuarantineLifted;
import com.linetrace.contracts.line.LotQuarantined;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what each event changes in the {@code metrics} schema. Called once per event (the listeners' inbox), in the
 * event's transaction; a unit's events arrive in order (keyed by serial), so a unit's position is always its latest.
 */
class LineRecords {

    private final JdbcClient jdbc;

    LineRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(EventEnvelope<UnitEvent> event) {
        var serial = event.serial().value();
        var at = Timestamp.from(event.occurredAt());
        jdbc.sql("insert into metrics.line as l (line, last_event_at) values (:line, :at) on conflict (line)"
                        + " do update set last_event_at = greatest(l.last_event_at, excluded.last_event_at)")
                .param("line", event.line())
                .param("at", at)
                .update();
        switch (event.body()) {
            case UnitsInitialized ignored ->
                jdbc.sql("insert into metrics.unit_position (serial, line, state) values (:serial, :line, 'ISSUED')"
                                + " on conflict (serial) do nothing")
                        .param("serial", serial)
                        .param("line", event.line())
                        .update();
            case UnitsArrived arrived -> {
                jdbc.sql("""
                                insert into metrics.unit_position (serial, line, state, station, operation, rework, arrived_at)
                                values (:serial, :line, 'WORKING', :station, :operation, :rework, :at)
                                on conflict (serial) do update set line = excluded.line, state = 'WORKING',
                                    station = excluded.station, operation = excluded.operation, rework = excluded.rework,
                                    arrived_at = excluded.arrived_at, next_kind = null""")
                        .param("serial", serial)
                        .param("line", event.line())
                        .param("station", event.station())
                        .param("operation", arrived.operation())
                        .param("rework", arrived.rework())
                        .param("at", at)
                        .update();
                // Only a REPAIR station takes a unit for rework (the interlock): that is how a repair station shows.
                touch(event, arrived.stationKind(), arrived.rework() ? null : arrived.operation(), arrived.rework());
            }
            case WorkCompleted completed -> {
                record(event, completed);
                touch(event, null, null, false);
            }
            case UnitsDeparted departed -> {
                jdbc.sql("""
                                insert into metrics.unit_position (serial, line, state, next_kind)
                                values (:serial, :line, :state, :next)
                                on conflict (serial) do update set state = excluded.state, station = null,
                                    operation = null, rework = false, arrived_at = null, next_kind = excluded.next_kind""")
                        .param("serial", serial)
                        .param("line", event.line())
                        .param("state", departed.nextOperation() == null ? "DONE" : "WAITING")
                        .param("next", departed.nextStationKind())
                        .update();
                touch(event, null, null, false);
            }
            case UnitCompleted completed -> {
                jdbc.sql("""
                                insert into metrics.unit_completed (serial, line, station, work_order, completed_at)
                                values (:serial, :line, :station, :workOrder, :at) on conflict (serial) do nothing""")
                        .param("serial", serial)
                        .param("line", event.line())
                        .param("station", event.station())
                        .param("workOrder", completed.workOrder())
                        .param("at", at)
                        .update();
                state(event, "DONE");
                touch(event, null, null, false);
            }
            case UnitScrapped scrapped -> {
                state(event, "SCRAPPED");
                endHold(event, "SCRAPPED", scrapped.reason());
                settleRevocations(event);
            }
            case UnitHeld hold -> {
                held(event, true);
                jdbc.sql("""
                                insert into metrics.unit_hold (event_id, serial, line, station, held_at, held_by, reason)
                                values (:eventId, :serial, :line, :station, :at, :by, :reason)""")
                        .param("eventId", event.eventId())
                        .param("serial", serial)
                        .param("line", event.line())
                        .param("station", event.station())
                        .param("at", at)
                        .param("by", event.actor())
                        .param("reason", hold.reason())
                        .update();
            }
            case UnitReleased released -> {
                held(event, false);
                endHold(event, "RELEASED", released.reason());
                settleRevocations(event);
            }
            case MaterialsInstalled ignored -> touch(event, null, null, false);
            case ReworkRouted ignored -> touch(event, null, null, false);
        }
    }

    void apply(LineEventEnvelope event) {
        switch (event.body()) {
            case WorkOrderReleased released ->
                jdbc.sql("""
                                insert into metrics.work_order (number, line, model, quantity, due_date, released_at)
                                values (:number, :line, :model, :quantity, :due, :at) on conflict (number) do nothing""")
                        .param("number", released.workOrder())
                        .param("line", event.line())
                        .param("model", released.model())
                        .param("quantity", released.quantity())
                        .param("due", released.dueDate())
                        .param("at", Timestamp.from(event.occurredAt()))
                        .update();
            case LotQuarantined quarantined ->
                jdbc.sql("""
                                insert into metrics.lot_quarantine as q (line, part_number, lot, reason, quarantined_at)
                                values (:line, :part, :lot, :reason, :at)
                                on conflict (line, part_number, lot) do update set reason = excluded.reason,
                                    quarantined_at = excluded.quarantined_at, lifted_at = null
                                    where q.quarantined_at < excluded.quarantined_at""")
                        .param("line", event.line())
                        .param("part", quarantined.partNumber())
                        .param("lot", quarantined.lot())
                        .param("reason", quarantined.reason())
                        .param("at", Timestamp.from(event.occurredAt()))
                        .update();
            case LotQuarantineLifted lifted ->
                jdbc.sql("""
                                update metrics.lot_quarantine set lifted_at = :at
                                where line = :line and part_number = :part and lot = :lot and quarantined_at <= :at""")
                        .param("line", event.line())
                        .param("part", lifted.partNumber())
                        .param("lot", lifted.lot())
                        .param("at", Timestamp.from(event.occurredAt()))
                        .update();
            // The andon's own events: its alerts table was written with them.
            case AndonRaised ignored -> {}
            case AndonAcknowledged ignored -> {}
            case AndonCleared ignored -> {}
        }
    }

    /** Ends the unit's open holds: released by quality, or scrapped. */
    private void endHold(EventEnvelope<UnitEvent> event, String ended, String reason) {
        jdbc.sql("""
                        update metrics.unit_hold set ended = :ended, ended_at = :at, ended_by = :by, end_reason = :reason
                        where serial = :serial and ended_at is null and held_at <= :at""")
                .param("serial", event.serial().value())
                .param("ended", ended)
                .param("at", Timestamp.from(event.occurredAt()))
                .param("by", event.actor())
                .param("reason", reason)
                .update();
    }

    /** A unit released or scrapped after a revocation of a release it carries is dealt with, as the andon counts. */
    private void settleRevocations(EventEnvelope<UnitEvent> event) {
        jdbc.sql("""
                        update metrics.firmware_revocation set settled_at = :at
                        where serial = :serial and settled_at is null and revoked_at <= :at""")
                .param("serial", event.serial().value())
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    /**
     * A finished operation: a repair when the unit was checked in for rework at this station, a first attempt when
     * no earlier attempt (repairs aside) of the operation is recorded, and its check-in when it was checked in here
     * for this operation.
     */
    private void record(EventEnvelope<UnitEvent> event, WorkCompleted completed) {
        var position = jdbc.sql("select station, operation, rework, arrived_at from metrics.unit_position"
                        + " where serial = :serial")
                .param("serial", event.serial().value())
                .query((rs, n) -> new Position(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
        boolean here = position.map(p -> event.station() != null
                        && event.station().equals(p.station())
                        && Integer.valueOf(completed.operation()).equals(p.operation()))
                .orElse(false);
        boolean repair = here && position.get().rework();
        Instant arrivedAt = here ? position.get().arrivedAt() : null;
        jdbc.sql("""
                        insert into metrics.work_result (event_id, line, station, serial, operation, operation_name, result,
                            repair, first_attempt, arrived_at, completed_at, defects)
                        values (:eventId, :line, :station, :serial, :operation, :name, :result, :repair,
                            not :repair and not exists (select 1 from metrics.work_result
                                where serial = :serial and operation = :operation and not repair),
                            :arrivedAt, :at, :defects)""")
                .param("eventId", event.eventId())
                .param("line", event.line())
                .param("station", event.station() == null ? "" : event.station())
                .param("serial", event.serial().value())
                .param("operation", completed.operation())
                .param("name", completed.operationName())
                .param("result", completed.result().name())
                .param("repair", repair)
                .param("arrivedAt", arrivedAt == null ? null : Timestamp.from(arrivedAt))
                .param("at", Timestamp.from(event.occurredAt()))
                .param("defects", completed.defects().toArray(String[]::new))
                .update();
    }

    private record Position(
            @Nullable String station,
            @Nullable Integer operation,
            boolean rework,
            @Nullable Instant arrivedAt) {}

    private void state(EventEnvelope<UnitEvent> event, String state) {
        jdbc.sql(
                        "insert into metrics.unit_position (serial, line, state) values (:serial, :line, :state)"
                                + " on conflict (serial) do update set state = excluded.state, station = null, next_kind = null")
                .param("serial", event.serial().value())
                .param("line", event.line())
                .param("state", state)
                .update();
    }

    private void held(EventEnvelope<UnitEvent> event, boolean held) {
        jdbc.sql(
                        "insert into metrics.unit_position (serial, line, state, held) values (:serial, :line, 'ISSUED', :held)"
                                + " on conflict (serial) do update set held = excluded.held")
                .param("serial", event.serial().value())
                .param("line", event.line())
                .param("held", held)
                .update();
    }

    /** The station's latest event, and what an arrival says of its kind and place in the flow. */
    private void touch(
            EventEnvelope<UnitEvent> event, @Nullable String kind, @Nullable Integer operation, boolean repair) {
        if (event.station() == null) {
            return;
        }
        jdbc.sql("""
                        insert into metrics.station as s (line, station, kind, first_operation, repair, last_event_at)
                        values (:line, :station, :kind, :operation, :repair, :at)
                        on conflict (line, station) do update set kind = coalesce(excluded.kind, s.kind),
                            first_operation = least(s.first_operation, excluded.first_operation),
                            repair = s.repair or excluded.repair,
                            last_event_at = greatest(s.last_event_at, excluded.last_event_at)""")
                .param("line", event.line())
                .param("station", event.station())
                .param("kind", kind)
                .param("operation", operation)
                .param("repair", repair)
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }
}
