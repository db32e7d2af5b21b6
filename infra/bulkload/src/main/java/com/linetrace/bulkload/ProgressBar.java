package com.linetrace.bulkload;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress line on the console: a bar, the units and events so far, the rate and the time left. On a terminal it
 * redraws itself in place; in a log (no console) it writes a line every ten seconds.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String what;
    private long total;
    private final boolean terminal;
    private final long startedAt = System.nanoTime();
    private long lastDrawn;

    /** {@code total}: what {@link #show}'s {@code done} counts up to. */
    public ProgressBar(PrintStream out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = Math.max(1, total);
        this.terminal = System.console() != null;
    }

    /** Changes what {@code done} counts up to, for a total that is known only on the way. */
    public void total(long value) {
        total = Math.max(1, value);
    }

    /** Shows {@code done} of the total with {@code detail} beside it, at most a few times a second. */
    public void show(long done, long events, String detail) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? 200_000_000L : 10_000_000_000L) && done < total) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - startedAt) / 1e9;
        double share = Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        double rate = seconds > 0 ? events / seconds : 0;
        var eta =
                share > 0 && share < 1 ? Duration.ofSeconds(Math.round(seconds * (1 - share) / share)) : Duration.ZERO;
        var line = String.format(
                "[%s%s] %3.0f%% %s %,d/%,d  events %,d  %,.0f events/s  %s  ETA %s",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                share * 100,
                what,
                done,
                total,
                events,
                rate,
                detail,
                format(eta));
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the line the bar was drawn on. */
    public void done() {
        if (terminal) {
            out.println();
        }
    }

    /** How long since the bar started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    static String format(Duration duration) {
        long s = duration.toSeconds();
        return s >= 3600
                ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }
}
