package com.linetrace.simulator.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** The benchmark's figures, one row per thing measured, printed as one compact table. */
public final class Report {

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    /**
     * One measured thing.
     *
     * @param count how many were done
     * @param elapsed the time they took, for the rate; null when a rate means nothing here
     * @param latencyMicros their latencies in microseconds; null when not measured one by one
     */
    public record Row(
            String what,
            long count,
            @Nullable Duration elapsed,
            @Nullable Histogram latencyMicros) {
        public double perSecond() {
            return elapsed == null || elapsed.isZero() ? Double.NaN : count * 1e9 / elapsed.toNanos();
        }
    }

    void add(Row row) {
        rows.add(row);
    }

    void note(String note) {
        notes.add(note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void print(PrintStream out) {
        out.println();
        out.println(title);
        out.printf(
                Locale.ROOT, "%-46s %8s %9s %9s %9s %9s%n", "measured", "count", "per s", "p50 ms", "p99 ms", "max ms");
        for (var row : rows) {
            var h = row.latencyMicros();
            out.printf(
                    Locale.ROOT,
                    "%-46s %8d %9s %9s %9s %9s%n",
                    row.what(),
                    row.count(),
                    rate(row.perSecond()),
                    millis(h, 50),
                    millis(h, 99),
                    millis(h, 100));
        }
        notes.forEach(note -> out.println("  " + note));
        out.println();
    }

    /** Whole numbers, but a tenth below 10, so a slow rate (units a second) does not print as 0. */
    private static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%.0f", perSecond);
    }

    private static String millis(@Nullable Histogram micros, double percentile) {
        if (micros == null || micros.getTotalCount() == 0) {
            return "-";
        }
        long value = percentile == 100 ? micros.getMaxValue() : micros.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.1f", value / 1000.0);
    }
}
