package com.linetrace.metrics.report;

import com.linetrace.metrics.api.ShiftReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A shift report as CSV (RFC 4180, UTF-8): one header line {@code section,subject,measure,value}, then one line per
 * figure, so that every section reads the same way into a spreadsheet or a script. Times are ISO-8601 in UTC,
 * durations in seconds, shares between 0 and 1; an unknown figure is an empty value. A text value a spreadsheet would
 * take for a formula ({@code = + - @}) is prefixed with {@code '}.
 */
final class ShiftReportCsv {

    static final String HEADER = "section,subject,measure,value";

    private ShiftReportCsv() {}

    static byte[] render(ShiftReport report) {
        var out = new StringBuilder(HEADER).append("\r\n");
        for (var row : lines(report)) {
            out.append(field(row[0]))
                    .append(',')
                    .append(field(row[1]))
                    .append(',')
                    .append(field(row[2]))
                    .append(',')
                    .append(field(row[3]))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** How many records the report lists (its hours, operations, stations, defects, stoppages, alerts and holds). */
    static long rows(ShiftReport report) {
        return report.hours().size()
                + report.operations().size()
                + report.stations().size()
                + report.topDefects().size()
                + report.stoppages().size()
                + report.alerts().size()
                + report.holds().size();
    }

    private static List<String[]> lines(ShiftReport r) {
        var rows = new ArrayList<String[]>();
        var shift = r.line() + " " + r.date() + " " + r.shift();
        add(rows, "shift", shift, "line", r.line());
        add(rows, "shift", shift, "date", r.date().toString());
        add(rows, "shift", shift, "shift", r.shift());
        add(rows, "shift", shift, "time_zone", r.timeZone());
        add(rows, "shift", shift, "start", time(r.start()));
        add(rows, "shift", shift, "end", time(r.end()));
        add(rows, "shift", shift, "generated_at", time(r.generatedAt()));
        add(rows, "shift", shift, "over", Boolean.toString(r.over()));
        add(rows, "output", "shift", "completed", Integer.toString(r.output().completed()));
        add(rows, "output", "shift", "planned", number(r.output().planned()));
        add(rows, "output", "shift", "planned_by_now", number(r.output().plannedByNow()));
        add(rows, "yield", "line", "first_pass_yield", number(r.firstPassYield()));
        add(rows, "yield", "line", "rolled_throughput_yield", number(r.rolledThroughputYield()));
        add(rows, "stoppage", "line", "stopped_seconds", seconds(r.stopped()));
        for (var hour : r.hours()) {
            add(rows, "hour", time(hour.hour()), "completed", Integer.toString(hour.completed()));
            add(rows, "hour", time(hour.hour()), "planned", number(hour.planned()));
        }
        for (var o : r.operations()) {
            var subject = o.operation() + " " + o.name();
            add(rows, "operation", subject, "finished", Integer.toString(o.finished()));
            add(rows, "operation", subject, "failed", Integer.toString(o.failed()));
            add(rows, "operation", subject, "first_attempts", Integer.toString(o.firstAttempts()));
            add(rows, "operation", subject, "first_passed", Integer.toString(o.firstPassed()));
            add(rows, "operation", subject, "first_pass_yield", number(o.firstPassYield()));
            add(rows, "operation", subject, "cycle_time_p50_seconds", seconds(o.cycleTimeP50()));
            add(rows, "operation", subject, "cycle_time_p90_seconds", seconds(o.cycleTimeP90()));
        }
        for (var s : r.stations()) {
            add(rows, "station", s.station(), "finished", Integer.toString(s.finished()));
            add(rows, "station", s.station(), "failed", Integer.toString(s.failed()));
            add(rows, "station", s.station(), "first_pass_yield", number(s.firstPassYield()));
        }
        for (var d : r.topDefects()) {
            add(rows, "defect", d.code(), "count", Integer.toString(d.count()));
        }
        for (var s : r.stoppages()) {
            var subject = s.station() + " " + time(s.since());
            add(rows, "stoppage", subject, "station", s.station());
            add(rows, "stoppage", subject, "since", time(s.since()));
            add(rows, "stoppage", subject, "until", time(s.until()));
            add(rows, "stoppage", subject, "in_shift_seconds", seconds(s.inShift()));
        }
        for (var a : r.alerts()) {
            var subject = a.id().toString();
            add(rows, "alert", subject, "rule", a.rule().name());
            add(rows, "alert", subject, "subject", a.subject());
            add(rows, "alert", subject, "station", a.station());
            add(rows, "alert", subject, "message", a.message());
            add(rows, "alert", subject, "raised_at", time(a.raisedAt()));
            add(rows, "alert", subject, "acknowledged_at", time(a.acknowledgedAt()));
            add(rows, "alert", subject, "acknowledged_by", a.acknowledgedBy());
            add(rows, "alert", subject, "comment", a.comment());
            add(rows, "alert", subject, "cleared_at", time(a.clearedAt()));
        }
        for (var h : r.holds()) {
            var subject = h.serial() + " " + time(h.heldAt());
            add(rows, "hold", subject, "serial", h.serial());
            add(rows, "hold", subject, "station", h.station());
            add(rows, "hold", subject, "held_at", time(h.heldAt()));
            add(rows, "hold", subject, "held_by", h.heldBy());
            add(rows, "hold", subject, "reason", h.reason());
            add(rows, "hold", subject, "ended", h.ended());
            add(rows, "hold", subject, "ended_at", time(h.endedAt()));
            add(rows, "hold", subject, "ended_by", h.endedBy());
            add(rows, "hold", subject, "end_reason", h.endReason());
        }
        return rows;
    }

    private static void add(
            List<String[]> rows, String section, String subject, String measure, @Nullable String value) {
        rows.add(new String[] {section, subject, measure, value == null ? "" : value});
    }

    private static @Nullable String time(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    private static @Nullable String number(@Nullable Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.4f", value);
    }

    private static @Nullable String seconds(@Nullable Duration duration) {
        return duration == null ? null : String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** Quoted where it must be (a comma, a quote, a line break), and disarmed where a spreadsheet would run it. */
    static String field(String value) {
        var text =
                !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !numeric(value) ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean numeric(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?");
    }
}
