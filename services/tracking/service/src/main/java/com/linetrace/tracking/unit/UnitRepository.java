package com.linetrace.tracking.unit;

import com.linetrace.contracts.Serial;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.route.Station;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units and their operation runs in the {@code tracking} schema. */
@Repository
public class UnitRepository {

    private static final String COLUMNS = "serial, work_order, route_id, line_id, status, next_seq, rework, failures,"
            + " hold_reason, checked_in_station, checked_in_seq, scrapped_reason";

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads a unit and locks its row until the transaction ends, so two stations never change it at once. */
    public Optional<UnitState> lock(Serial serial) {
        return jdbc.sql("select " + COLUMNS + " from tracking.unit where serial = :serial for update")
                .param("serial", serial.value())
                .query(UnitRepository::unit)
                .optional();
    }

    public Optional<UnitState> find(Serial serial) {
        return jdbc.sql("select " + COLUMNS + " from tracking.unit where serial = :serial")
                .param("serial", serial.value())
                .query(UnitRepository::unit)
                .optional();
    }

    public void insertIssued(Serial serial, String workOrder, long routeId, String lineId, int firstSeq) {
        jdbc.sql("insert into tracking.unit (serial, work_order, route_id, line_id, status, next_seq)"
                        + " values (:serial, :workOrder, :routeId, :lineId, 'ISSUED', :firstSeq)")
                .param("serial", serial.value())
                .param("workOrder", workOrder)
                .param("routeId", routeId)
                .param("lineId", lineId)
                .param("firstSeq", firstSeq)
                .update();
    }

    /** Marks the unit checked in and opens its operation run, in one statement: a check-in is on the hot path. */
    public void checkIn(Serial serial, Station station, int seq, boolean rework, String actor, Instant at) {
        jdbc.sql("""
                        with unit as (
                            update tracking.unit set status = 'IN_PROGRESS', checked_in_station = :station,
                                checked_in_seq = :seq, updated_at = :at
                            where serial = :serial returning serial)
                        insert into tracking.operation_run (serial, seq, station_id, rework, checked_in_at, checked_in_by)
                        select serial, :seq, :station, :rework, :at, :actor from unit""")
                .param("station", station.id())
                .param("seq", seq)
                .param("at", Timestamp.from(at))
                .param("serial", serial.value())
                .param("rework", rework)
                .param("actor", actor)
                .update();
    }

    /** Moves the unit on and closes its operation run, in one statement: a check-out is on the hot path. */
    public void checkOut(
            Serial serial, Progress.Outcome outcome, String result, List<String> defects, String actor, Instant at) {
        jdbc.sql("""
                        with unit as (
                            update tracking.unit set checked_in_station = null, checked_in_seq = null, next_seq = :next,
                                rework = :rework, failures = :failures, hold_reason = coalesce(:hold, hold_reason),
                                status = case when :next::int is null then 'COMPLETED' else status end,
                                completed_at = case when :next::int is null then :at else completed_at end,
                                updated_at = :at
                            where serial = :serial returning serial)
                        update tracking.operation_run run set checked_out_at = :at, checked_out_by = :actor,
                            result = :result, defects = :defects
                        from unit where run.serial = unit.serial and run.checked_out_at is null""")
                .param("next", outcome.nextSeq())
                .param("rework", outcome.rework())
                .param("failures", outcome.failures())
                .param("hold", outcome.holdReason())
                .param("at", Timestamp.from(at))
                .param("serial", serial.value())
                .param("actor", actor)
                .param("result", result)
                .param("defects", defects.toArray(String[]::new))
                .update();
    }

    /** Puts the unit on hold, or adds the reason to its hold. */
    public void hold(Serial serial, String reason, Instant at) {
        jdbc.sql("update tracking.unit set hold_reason = case when hold_reason is null then :reason"
                        + " else hold_reason || '; ' || :reason end, updated_at = :at where serial = :serial")
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .param("serial", serial.value())
                .update();
    }

    public void release(Serial serial, Instant at) {
        jdbc.sql("update tracking.unit set hold_reason = null, updated_at = :at where serial = :serial")
                .param("at", Timestamp.from(at))
                .param("serial", serial.value())
                .update();
    }

    public void scrap(Serial serial, String reason, Instant at) {
        jdbc.sql("update tracking.unit set status = 'SCRAPPED', scrapped_reason = :reason, checked_in_station = null,"
                        + " checked_in_seq = null, updated_at = :at where serial = :serial")
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .param("serial", serial.value())
                .update();
    }

    /** Status of each known serial, " (held)" added for units on hold. */
    public Map<String, String> statuses(List<String> serials) {
        return jdbc
                .sql("select serial, status || case when hold_reason is null then '' else ' (held)' end"
                        + " from tracking.unit where serial = any(:serials)")
                .param("serials", serials.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Serials of a work order, in issue order. */
    public List<Serial> ofWorkOrder(String workOrder) {
        return jdbc.sql("select serial from tracking.unit where work_order = :wo order by serial")
                .param("wo", workOrder)
                .query((rs, n) -> Serial.parse(rs.getString(1)))
                .list();
    }

    public LineStatus lineStatus(String lineId, List<Station> stations) {
        Map<String, Integer> working = jdbc
                .sql("select checked_in_station, count(*) from tracking.unit"
                        + " where line_id = :line and checked_in_station is not null group by checked_in_station")
                .param("line", lineId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Units between stations, by the kind of station their next step needs.
        Map<String, Integer> waiting = jdbc
                .sql("""
                        select case when u.rework then 'REPAIR' else o.station_kind end, count(*)
                        from tracking.unit u
                        join tracking.route_operation o on o.route_id = u.route_id and o.seq = u.next_seq
                        where u.line_id = :line and u.status = 'IN_PROGRESS' and u.hold_reason is null
                          and u.checked_in_station is null
                        group by 1""")
                .param("line", lineId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var totals = jdbc.sql("""
                        select count(*) filter (where status = 'IN_PROGRESS'),
                               count(*) filter (where hold_reason is not null and status in ('ISSUED', 'IN_PROGRESS')),
                               count(*) filter (where status = 'COMPLETED' and completed_at >= date_trunc('day', now()))
                        from tracking.unit where line_id = :line""")
                .param("line", lineId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
                .single();
        var loads = stations.stream()
                .map(s -> new LineStatus.StationLoad(
                        s.id(), s.kind(), s.name(), working.getOrDefault(s.id(), 0), waiting.getOrDefault(s.kind(), 0)))
                .toList();
        return new LineStatus(lineId, loads, totals[0], totals[1], totals[2]);
    }

    private static UnitState unit(ResultSet rs, int row) throws SQLException {
        return new UnitState(
                Serial.parse(rs.getString("serial")),
                rs.getString("work_order"),
                rs.getLong("route_id"),
                rs.getString("line_id"),
                UnitState.Status.valueOf(rs.getString("status")),
                rs.getObject("next_seq", Integer.class),
                rs.getBoolean("rework"),
                rs.getInt("failures"),
                rs.getString("hold_reason"),
                rs.getString("checked_in_station"),
                rs.getObject("checked_in_seq", Integer.class),
                rs.getString("scrapped_reason"));
    }
}
