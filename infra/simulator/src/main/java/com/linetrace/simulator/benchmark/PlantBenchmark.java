package com.linetrace.simulator.benchmark;

import com.linetrace.simulator.DemoLine;
import com.linetrace.simulator.PlantClient;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a running plant through its HTTP API and its trace schema: a closed loop of workers walking units
 * through the ten operations as fast as they can (throughput, verdict latency, events end to end into trace), an
 * open loop offering scans at a steady rate (latency as a station sees it under that load, counted from when
 * each scan was due, so a slow answer cannot hide the scans queued behind it), and the raw baseline.
 */
public final class PlantBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PlantBenchmark.class);

    /** Each check-in is one event (UnitsArrived), each check-out two (WorkCompleted, UnitsDeparted), and one UnitCompleted. */
    static final int EVENTS_PER_UNIT = DemoLine.ROUTE.size() * 3 + 1;

    private static final int STEPS_PER_UNIT = DemoLine.ROUTE.size() * 2;
    private static final Duration TRACE_WAIT = Duration.ofMinutes(3);

    private final BenchmarkOptions options;
    private final URI base;
    private final DataSource dataSource;
    private final String bootstrapServers;

    public PlantBenchmark(BenchmarkOptions options, URI base, DataSource dataSource, String bootstrapServers) {
        this.options = options;
        this.base = base;
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
    }

    public Report run() throws Exception {
        var report = new Report(String.format(
                Locale.ROOT,
                "LineTrace benchmark: %d units x %d operations, %d workers; open loop %s scans/s for %d s each; %d cores",
                options.units(),
                DemoLine.ROUTE.size(),
                options.concurrency(),
                options.rates(),
                options.rateDuration().toSeconds(),
                Runtime.getRuntime().availableProcessors()));
        try (var operator = new PlantClient(base, "operator", "operator");
                var supervisor = new PlantClient(base, "supervisor", "supervisor")) {
            // Every serial is issued first, so their UnitsInitialized events are in trace before anything is measured.
            var serials = release(supervisor, options.units());
            var fresh = new ArrayList<List<String>>();
            for (var rate : options.rates()) {
                // As many new units as scans: when no unit waits for its next step, a new one starts the route.
                fresh.add(
                        release(supervisor, (int) (rate * options.rateDuration().toSeconds())));
            }
            if (options.warmup() > 0) {
                log.info("Warm-up: {} units", options.warmup());
                closedLoop(operator, release(supervisor, options.warmup()), new Report("warm-up"));
            }
            log.info("Closed loop: {} units, {} workers", options.units(), options.concurrency());
            var firstScan = closedLoop(operator, serials, report);
            var payloadBytes = endToEnd(serials, firstScan, report);
            // Before the open loop: a rate the plant cannot keep up with leaves it busy long after the last scan.
            int events = serials.size() * EVENTS_PER_UNIT;
            log.info("Baseline: {} Kafka records and {} rows of {} bytes", events, events, payloadBytes);
            report.add(Baseline.kafka(bootstrapServers, events, payloadBytes));
            report.add(Baseline.jdbc(dataSource, events, payloadBytes));
            for (int i = 0; i < options.rates().size(); i++) {
                log.info("Open loop: {} scans/s for {}", options.rates().get(i), options.rateDuration());
                openLoop(operator, options.rates().get(i), fresh.get(i), report);
            }
        }
        report.note("closed loop: each worker walks one unit at a time through its 10 check-ins and 10 check-outs;"
                + " latency is the HTTP round trip of each request.");
        report.note("end to end: events of the closed loop's units in trace.unit_event, counted from the first scan"
                + " to the last recorded_at; latency is recorded_at - occurred_at per event.");
        report.note("open loop: scans sent on a fixed schedule whatever the answers; latency counts from when each"
                + " scan was due (no coordinated omission).");
        return report;
    }

    private static List<String> release(PlantClient supervisor, int units) {
        var serials = new ArrayList<String>();
        while (serials.size() < units) {
            serials.addAll(supervisor.releaseWorkOrder(
                    DemoLine.MODEL, DemoLine.LINE, Math.min(10_000, units - serials.size())));
        }
        return serials;
    }

    /** Walks every unit through the route with the configured workers; returns when the first scan was sent. */
    private Instant closedLoop(PlantClient operator, List<String> serials, Report report) {
        var checkIns = new ConcurrentHistogram(3);
        var checkOuts = new ConcurrentHistogram(3);
        var failures = new AtomicInteger();
        var queue = new ConcurrentLinkedQueue<>(serials);
        var firstScan = Instant.now();
        long start = System.nanoTime();
        try (var workers = Executors.newFixedThreadPool(options.concurrency())) {
            for (int w = 0; w < options.concurrency(); w++) {
                workers.submit(() -> {
                    String serial;
                    while ((serial = queue.poll()) != null) {
                        if (!walk(operator, serial, checkIns, checkOuts)) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        var all = new Histogram(3);
        all.add(checkIns);
        all.add(checkOuts);
        report.add(new Report.Row("closed loop check-in verdict (HTTP)", checkIns.getTotalCount(), elapsed, checkIns));
        report.add(new Report.Row("closed loop check-out (HTTP)", checkOuts.getTotalCount(), elapsed, checkOuts));
        report.add(new Report.Row("closed loop all scans", all.getTotalCount(), elapsed, all));
        if (failures.get() > 0) {
            report.note("closed loop: " + failures.get() + " units did not finish their route (refused or failed)");
        }
        return firstScan;
    }

    private static boolean walk(PlantClient operator, String serial, Histogram checkIns, Histogram checkOuts) {
        try {
            for (var operation : DemoLine.ROUTE) {
                long t = System.nanoTime();
                var in = operator.checkIn(operation.station(), serial);
                checkIns.recordValue(micros(t));
                if (!in.accepted()) {
                    log.warn("{} refused at {}: {}", serial, operation.station(), in.message());
                    return false;
                }
                t = System.nanoTime();
                var out = operator.checkOut(operation.station(), serial, List.of());
                checkOuts.recordValue(micros(t));
                if (!out.accepted()) {
                    log.warn("{} check-out refused at {}: {}", serial, operation.station(), out.message());
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("{}: {}", serial, e.getMessage());
            return false;
        }
    }

    /**
     * Waits for the closed loop's events to be in trace and adds their rate and latency; returns their average
     * payload size, the size of the baseline's records.
     */
    private int endToEnd(List<String> serials, Instant firstScan, Report report) throws SQLException {
        long expected = (long) serials.size() * EVENTS_PER_UNIT;
        var deadline = Instant.now().plus(TRACE_WAIT);
        try (var connection = dataSource.getConnection()) {
            var array = connection.createArrayOf("text", serials.toArray());
            var where = " from trace.unit_event where serial = any(?) and type <> 'UnitsInitialized'";
            long count = 0;
            Instant last = firstScan;
            int payloadBytes = 300;
            while (true) {
                try (var query = connection.prepareStatement(
                        "select count(*), max(recorded_at), avg(octet_length(payload::text))" + where)) {
                    query.setArray(1, array);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        count = rows.getLong(1);
                        if (rows.getTimestamp(2) != null) {
                            last = rows.getTimestamp(2).toInstant();
                            payloadBytes = (int) rows.getDouble(3);
                        }
                    }
                }
                if (count >= expected || Instant.now().isAfter(deadline)) {
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            var latencies = new Histogram(3);
            try (var query = connection.prepareStatement(
                    "select (extract(epoch from recorded_at - occurred_at) * 1000000)::bigint" + where)) {
                query.setArray(1, array);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        latencies.recordValue(Math.max(0, rows.getLong(1)));
                    }
                }
            }
            report.add(new Report.Row(
                    "end to end: events scan -> trace", count, Duration.between(firstScan, last), latencies));
            if (count < expected) {
                report.note("end to end: only " + count + " of " + expected + " events reached trace within "
                        + TRACE_WAIT.toMinutes() + " min");
            }
            return payloadBytes;
        }
    }

    /**
     * Offers {@code rate} scans a second for the configured time: at each tick the next step of a unit waiting at a
     * station is sent without waiting for earlier answers (each unit's steps still go in order); when no unit waits,
     * a new one starts the route.
     */
    private void openLoop(PlantClient operator, int rate, List<String> fresh, Report report) throws Exception {
        int total = (int) (rate * options.rateDuration().toSeconds());
        var newUnits = new ConcurrentLinkedQueue<>(fresh);
        var ready = new ConcurrentLinkedQueue<Cursor>();
        var checkIns = new ConcurrentHistogram(3);
        var checkOuts = new ConcurrentHistogram(3);
        var refused = new AtomicInteger();
        var failed = new AtomicInteger();
        var answers = new ArrayList<CompletableFuture<?>>(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            var cursor = ready.poll();
            if (cursor == null) {
                cursor = new Cursor(newUnits.remove());
            }
            var unit = cursor;
            var operation = DemoLine.ROUTE.get(unit.step / 2);
            boolean checkIn = unit.step % 2 == 0;
            var answer = checkIn
                    ? operator.checkInAsync(operation.station(), unit.serial)
                    : operator.checkOutAsync(operation.station(), unit.serial, List.of());
            answers.add(answer.whenComplete((verdict, error) -> {
                (checkIn ? checkIns : checkOuts).recordValue(micros(due));
                if (error != null) {
                    failed.incrementAndGet();
                } else if (!verdict.accepted()) {
                    refused.incrementAndGet();
                } else if (++unit.step < STEPS_PER_UNIT) {
                    ready.add(unit);
                }
            }));
        }
        long offered = System.nanoTime() - start;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(5, TimeUnit.MINUTES);
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        report.add(new Report.Row(
                "open loop check-in verdict @ " + rate + "/s", checkIns.getTotalCount(), elapsed, checkIns));
        report.add(
                new Report.Row("open loop check-out @ " + rate + "/s", checkOuts.getTotalCount(), elapsed, checkOuts));
        report.note(String.format(
                Locale.ROOT,
                "open loop @ %d/s: %d scans offered in %.1f s, the last answered after %.1f s; %d refused, %d failed"
                        + " (timeout %d s or error)",
                rate,
                total,
                offered / 1e9,
                elapsed.toNanos() / 1e9,
                refused.get(),
                failed.get(),
                PlantClient.TIMEOUT.toSeconds()));
    }

    private static long micros(long sinceNanos) {
        return Math.max(0, (System.nanoTime() - sinceNanos) / 1000);
    }

    /** A unit of the open loop and the index of its next step (even: check-in, odd: check-out). */
    private static final class Cursor {
        final String serial;
        volatile int step;

        Cursor(String serial) {
            this.serial = serial;
        }
    }
}
