package com.linetrace.metrics.line;

import com.linetrace.metrics.api.LinePerformance.DefectCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a line's performance is computed from, read from the {@code metrics} schema only. */
class LineReads {

    private final JdbcClient jdbc;

    LineReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean known(String line) {
        return jdbc.sql("select exists (select 1 from metrics.line where line = :line)"
                        + " or exists (select 1 from metrics.work_order where line = :line)")
                .param("line", line)
                .query(Boolean.class)
                .single();
    }

    /** The latest unit event of the line applied, if any. */
    @Nullable
    Instant lastEventAt(String line) {
        return jdbc.sql("select last_event_at from metrics.line where line = :line")
                .param("line", line)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
    }

    record Station(
            String station,
            @Nullable String kind,
            @Nullable Integer firstOperation,
            boolean repair,
            Instant lastEventAt) {}

    /** In flow order: by the first operation seen there, stations only repairs are done at last. */
    List<Station> stations(String line) {
        return jdbc.sql("select station, kind, first_operation, repair, last_event_at from metrics.station"
                        + " where line = :line order by (first_operation is null), first_operation, station")
                .param("line", line)
                .query((rs, n) -> new Station(
                        rs.getString(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3),
                        rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    record Wip(Map<String, Integer> workingByStation, Map<String, Integer> waitingByKind, int inProgress, int held) {}

    Wip wip(String line) {
        var working = new HashMap<String, Integer>();
        var waiting = new HashMap<String, Integer>();
        int[] totals = new int[2];
        jdbc.sql("""
                        select state, station, next_kind, held, count(*) from metrics.unit_position
                        where line = :line and state in ('WORKING', 'WAITING') group by state, station, next_kind, held""").param("line", line).query(rs -> {
            int count = rs.getInt(5);
            boolean held = rs.getBoolean(4);
            totals[held ? 1 : 0] += count;
            if (held) {
                return;
            }
            if (rs.getString(1).equals("WORKING") && rs.getString(2) != null) {
                working.merge(rs.getString(2), count, Integer::sum);
            } else if (rs.getString(1).equals("WAITING") && rs.getString(3) != null) {
                waiting.merge(rs.getString(3), count, Integer::sum);
            }
        });
        return new Wip(working, waiting, totals[0], totals[1]);
    }

    record StationWork(int thisHour, int thisShift, int firstAttempts, int firstPassed) {}

    Map<String, StationWork> stationWork(String line, Instant hour, Instant shiftStart, Instant shiftEnd, Instant day) {
        var work = new HashMap<String, StationWork>();
        jdbc.sql("""
                        select station,
                               count(*) filter (where completed_at >= :hour),
                               count(*) filter (where completed_at >= :shiftStart and completed_at < :shiftEnd),
                               count(*) filter (where first_attempt and completed_at >= :day),
                               count(*) filter (where first_attempt and result = 'PASS' and completed_at >= :day)
                        from metrics.work_result
                        where line = :line and completed_at >= least(cast(:hour as timestamptz), cast(:shiftStart as timestamptz), cast(:day as timestamptz))
                        group by station""")
                .param("line", line)
                .param("hour", Timestamp.from(hour))
                .param("shiftStart", Timestamp.from(shiftStart))
                .param("shiftEnd", Timestamp.from(shiftEnd))
                .param("day", Timestamp.from(day))
                .query(rs -> {
                    work.put(rs.getString(1), new StationWork(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                });
        return work;
    }

    record Operation(
            int operation,
            String name,
            int firstAttempts,
            int firstPassed,
            @Nullable Duration p50,
            @Nullable Duration p90) {}

    /** Repairs left out: they are not the operation done, and their time is the repair's. */
    List<Operation> operations(String line, Instant since) {
        return jdbc.sql("""
                        select operation, max(operation_name),
                               count(*) filter (where first_attempt),
                               count(*) filter (where first_attempt and result = 'PASS'),
                               percentile_cont(0.5) within group (order by extract(epoch from completed_at - arrived_at))
                                   filter (where arrived_at is not null),
                               percentile_cont(0.9) within group (order by extract(epoch from completed_at - arrived_at))
                                   filter (where arrived_at is not null)
                        from metrics.work_result
                        where line = :line and completed_at >= :since and not repair
                        group by operation order by operation""")
                .param("line", line)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Operation(
                        rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), seconds(rs, 5), seconds(rs, 6)))
                .list();
    }

    record Completions(
            int thisHour,
            int thisShift,
            int today,
            int last24,
            int neverFailed,
            @Nullable Instant last) {}

    Completions completions(
            String line, Instant hour, Instant shiftStart, Instant shiftEnd, Instant today, Instant since) {
        return jdbc.sql("""
                        select count(*) filter (where completed_at >= :hour),
                               count(*) filter (where completed_at >= :shiftStart and completed_at < :shiftEnd),
                               count(*) filter (where completed_at >= :today),
                               count(*) filter (where completed_at >= :since),
                               count(*) filter (where completed_at >= :since and not exists (
                                   select 1 from metrics.work_result r where r.serial = c.serial and r.result = 'FAIL')),
                               (select max(completed_at) from metrics.unit_completed where line = :line)
                        from metrics.unit_completed c
                        where line = :line and completed_at >= least(cast(:hour as timestamptz), cast(:shiftStart as timestamptz),
                              cast(:today as timestamptz), cast(:since as timestamptz))""")
                .param("line", line)
                .param("hour", Timestamp.from(hour))
                .param("shiftStart", Timestamp.from(shiftStart))
                .param("shiftEnd", Timestamp.from(shiftEnd))
                .param("today", Timestamp.from(today))
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Completions(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .single();
    }

    /** Units completed per hour from {@code from}, by the start of each hour counted from {@code from}. */
    Map<Instant, Integer> completedPerHour(String line, Instant from) {
        var hours = new HashMap<Instant, Integer>();
        jdbc.sql("""
                        select date_bin('1 hour', completed_at, :from), count(*) from metrics.unit_completed
                        where line = :line and completed_at >= :from group by 1""").param("line", line).param("from", Timestamp.from(from)).query(rs -> {
            hours.put(rs.getTimestamp(1).toInstant(), rs.getInt(2));
        });
        return hours;
    }

    List<DefectCount> topDefects(String line, Instant since, int limit) {
        return jdbc.sql("""
                        select d.code, count(*) from metrics.work_result r, unnest(r.defects) as d(code)
                        where r.line = :line and r.completed_at >= :since
                        group by d.code order by count(*) desc, d.code limit :limit""")
                .param("line", line)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> new DefectCount(rs.getString(1), rs.getInt(2)))
                .list();
    }

    /** Work orders whose span may reach into {@code [from, …)}: due on or after the day before, or with no due date. */
    List<Plan.WorkOrder> workOrders(String line, LocalDate fromDay) {
        return jdbc.sql("""
                        select quantity, due_date, released_at from metrics.work_order
                        where line = :line
                          and (due_date >= :day or (due_date is null and released_at >= cast(:day as date) - 1))""")
                .param("line", line)
                .param("day", fromDay.minusDays(1))
                .query((rs, n) -> new Plan.WorkOrder(
                        rs.getInt(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private static @Nullable Duration seconds(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
    }
}
