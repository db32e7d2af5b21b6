package com.linetrace.metrics.report;

import com.linetrace.metrics.api.LinePerformance.DefectCount;
import com.linetrace.metrics.api.ShiftReport.Hold;
import com.linetrace.metrics.api.ShiftReport.OperationYield;
import com.linetrace.metrics.api.ShiftReport.StationOutput;
import com.linetrace.metrics.line.Plan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a shift report is made of, read from the {@code metrics} schema only, for one line and one window. */
class ReportReads {

    private final JdbcClient jdbc;

    ReportReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean known(String line) {
        return jdbc.sql("select exists (select 1 from metrics.line where line = :line)"
                        + " or exists (select 1 from metrics.work_order where line = :line)")
                .param("line", line)
                .query(Boolean.class)
                .single();
    }

    List<String> lines() {
        return jdbc.sql("select line from metrics.line union select line from metrics.work_order order by 1")
                .query(String.class)
                .list();
    }

    record Completions(int completed, int neverFailed) {}

    /** Units completed in {@code [from, to)}, and those of them that never failed an operation. */
    Completions completions(String line, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where not exists (
                                   select 1 from metrics.work_result r where r.serial = c.serial and r.result = 'FAIL'))
                        from metrics.unit_completed c
                        where line = :line and completed_at >= :from and completed_at < :to""")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Completions(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** Units completed per local hour of the window, by the hour's start ({@code hours} are the starts). */
    Map<Instant, Integer> completedPerHour(String line, List<Instant> hours, Instant to) {
        var counts = new HashMap<Instant, Integer>();
        for (int i = 0; i < hours.size(); i++) {
            var start = hours.get(i);
            var end = i + 1 < hours.size() ? hours.get(i + 1) : to;
            counts.put(
                    start,
                    jdbc.sql("select count(*) from metrics.unit_completed where line = :line and completed_at >= :from"
                                    + " and completed_at < :to")
                            .param("line", line)
                            .param("from", Timestamp.from(start))
                            .param("to", Timestamp.from(end))
                            .query(Integer.class)
                            .single());
        }
        return counts;
    }

    /** Repairs left out: they are not the operation done, and their time is the repair's. */
    List<OperationYield> operations(String line, Instant from, Instant to) {
        return jdbc.sql("""
                        select operation, max(operation_name), count(*), count(*) filter (where result = 'FAIL'),
                               count(*) filter (where first_attempt),
                               count(*) filter (where first_attempt and result = 'PASS'),
                               percentile_cont(0.5) within group (order by extract(epoch from completed_at - arrived_at))
                                   filter (where arrived_at is not null),
                               percentile_cont(0.9) within group (order by extract(epoch from completed_at - arrived_at))
                                   filter (where arrived_at is not null)
                        from metrics.work_result
                        where line = :line and completed_at >= :from and completed_at < :to and not repair
                        group by operation order by operation""")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new OperationYield(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        share(rs.getInt(6), rs.getInt(5)),
                        seconds(rs, 7),
                        seconds(rs, 8)))
                .list();
    }

    List<StationOutput> stations(String line, Instant from, Instant to) {
        return jdbc.sql("""
                        select station, count(*), count(*) filter (where result = 'FAIL'),
                               count(*) filter (where first_attempt),
                               count(*) filter (where first_attempt and result = 'PASS')
                        from metrics.work_result
                        where line = :line and completed_at >= :from and completed_at < :to
                        group by station order by station""")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new StationOutput(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        share(rs.getInt(5), rs.getInt(4))))
                .list();
    }

    List<DefectCount> topDefects(String line, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select d.code, count(*) from metrics.work_result r, unnest(r.defects) as d(code)
                        where r.line = :line and r.completed_at >= :from and r.completed_at < :to
                        group by d.code order by count(*) desc, d.code limit :limit""")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> new DefectCount(rs.getString(1), rs.getInt(2)))
                .list();
    }

    record Stall(
            UUID alert,
            String station,
            Instant since,
            @Nullable Instant until) {}

    /** The andon's stalls of the line that overlap {@code [from, to)}: from the station's last event to the clear. */
    List<Stall> stalls(String line, Instant from, Instant to) {
        return jdbc.sql("""
                        select id, coalesce(station, subject), coalesce(quiet_since, raised_at), cleared_at
                        from metrics.andon_alert
                        where line = :line and rule = 'STATION_STALLED' and coalesce(quiet_since, raised_at) < :to
                          and (cleared_at is null or cleared_at >= :from)
                        order by coalesce(quiet_since, raised_at), id""")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Stall(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    /** Holds of the line's units in effect at some moment of {@code [from, to)}, oldest first. */
    List<Hold> holds(String line, Instant from, Instant to) {
        return jdbc.sql("""
                        select serial, station, held_at, held_by, reason, ended, ended_at, ended_by, end_reason
                        from metrics.unit_hold
                        where line = :line and held_at < :to and (ended_at is null or ended_at >= :from)
                        order by held_at, serial""")
                .param("line", line)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Hold(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs.getTimestamp(7)),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** Work orders whose span may reach into the shift: due on or after the day before, or with no due date. */
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

    static @Nullable Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static @Nullable Duration seconds(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
