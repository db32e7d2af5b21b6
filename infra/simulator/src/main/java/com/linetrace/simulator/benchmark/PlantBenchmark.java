package com.linetrace.simulator.benchmark;

import com.linetrace.simulator.DemoLine;
import com.linetrace.simulator.DemoProvisioningKeys;
import com.linetrace.simulator.Equipment;
import com.linetrace.simulator.PlantClient;
import com.linetrace.simulator.benchmark.UnitWork.Kind;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * through the ten operations as fast as they can, with every request a station sends for a unit (check-ins, work
 * look-ups, part scans, the flash fixture's and key station's reports, check-outs: {@link UnitWork}), for throughput
 * and latency per kind of request; events end to end into trace; an open loop offering requests at a steady rate
 * (latency as a station sees it under that load, counted from when each request was due, so a slow answer cannot
 * hide the requests queued behind it); and the raw baseline.
 */
public final class PlantBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PlantBenchmark.class);

    /**
     * Each check-in is one event (UnitsArrived), each check-out two (WorkCompleted, UnitsDeparted), each part scan
     * one (MaterialsInstalled), and one UnitCompleted. Provisioning's verdicts go to their own topic, not to trace.
     */
    static final int EVENTS_PER_UNIT = DemoLine.ROUTE.size() * 3 + DemoLine.partScansPerUnit() + 1;

    private static final Duration TRACE_WAIT = Duration.ofMinutes(3);

    /** Provisioning's verdicts reach tracking asynchronously: a refused pack-out check-in is tried again this often. */
    private static final int PACK_OUT_ATTEMPTS = 200;

    private static final Duration PACK_OUT_RETRY_AFTER = Duration.ofMillis(50);
    private static final String PROVISIONING_MISSING = "PROVISIONING_MISSING";

    private final BenchmarkOptions options;
    private final URI base;
    private final DataSource dataSource;
    private final Map<String, Object> kafkaClient;
    private final DemoProvisioningKeys keys;

    /**
     * @param kafkaClient the plant broker's bootstrap servers and sign-in, for the raw Kafka baseline
     * @param keys the release key and plant CA the plant's provisioning was started with (their public halves)
     */
    public PlantBenchmark(
            BenchmarkOptions options,
            URI base,
            DataSource dataSource,
            Map<String, Object> kafkaClient,
            DemoProvisioningKeys keys) {
        this.options = options;
        this.base = base;
        this.dataSource = dataSource;
        this.kafkaClient = Map.copyOf(kafkaClient);
        this.keys = keys;
    }

    public Report run() throws Exception {
        var report = new Report(String.format(
                Locale.ROOT,
                "LineTrace benchmark: %d units x %d operations (%d requests, %d events each), %d workers;"
                        + " open loop %s requests/s for %d s each; %d cores",
                options.units(),
                DemoLine.ROUTE.size(),
                UnitWork.REQUESTS_PER_UNIT,
                EVENTS_PER_UNIT,
                options.concurrency(),
                options.rates(),
                options.rateDuration().toSeconds(),
                Runtime.getRuntime().availableProcessors()));
        try (var operator = new PlantClient(base, "operator", "operator");
                var fixture = new PlantClient(base, Equipment.FIXTURE, Equipment.FIXTURE);
                var keyStation = new PlantClient(base, DemoLine.KEY_STATION, DemoLine.KEY_STATION);
                var supervisor = new PlantClient(base, "supervisor", "supervisor");
                var engineer = new PlantClient(base, "engineer", "engineer");
                var quality = new PlantClient(base, "quality", "quality")) {
            var equipment = Equipment.setUp(keys, engineer, quality, "quality");
            var crew = new UnitWork.Crew(operator, fixture, keyStation);
            // Every serial is issued first, so their UnitsInitialized events are in trace before anything is measured.
            var serials = release(supervisor, options.units());
            var fresh = new ArrayList<List<String>>();
            for (var rate : options.rates()) {
                // A unit per request offered at most: when no unit waits for its next request, a new one starts.
                fresh.add(release(
                        supervisor, (int) Math.min(rate * options.rateDuration().toSeconds(), 10_000)));
            }
            if (options.warmup() > 0) {
                log.info("Warm-up: {} units", options.warmup());
                closedLoop(crew, equipment, release(supervisor, options.warmup()), new Report("warm-up"));
            }
            log.info("Closed loop: {} units, {} workers", options.units(), options.concurrency());
            var firstScan = closedLoop(crew, equipment, serials, report);
            var payloadBytes = endToEnd(serials, firstScan, report);
            // Before the open loop: a rate the plant cannot keep up with leaves it busy long after the last request.
            int events = serials.size() * EVENTS_PER_UNIT;
            log.info("Baseline: {} Kafka records and {} rows of {} bytes", events, events, payloadBytes);
            report.add(Baseline.kafka(kafkaClient, events, payloadBytes));
            report.add(Baseline.jdbc(dataSource, events, payloadBytes));
            for (int i = 0; i < options.rates().size(); i++) {
                log.info("Open loop: {} requests/s for {}", options.rates().get(i), options.rateDuration());
                openLoop(crew, equipment, options.rates().get(i), fresh.get(i), report);
            }
        }
        report.note(String.format(
                Locale.ROOT,
                "one unit = %d requests: %d check-ins, %d work look-ups, %d part scans, %d flash reports, 1 key"
                        + " injection report (P-256 key, CSR and certificate made by the client), %d check-outs;"
                        + " plus pack-out check-ins refused until provisioning's verdicts reach tracking.",
                UnitWork.REQUESTS_PER_UNIT,
                DemoLine.ROUTE.size(),
                DemoLine.ROUTE.size(),
                DemoLine.partScansPerUnit(),
                DemoLine.FIRMWARE_MODULES.size(),
                DemoLine.ROUTE.size()));
        report.note("closed loop: each worker walks one unit at a time through all its requests; latency is the HTTP"
                + " round trip of each request.");
        report.note("end to end: events of the closed loop's units in trace.unit_event, counted from the first scan"
                + " to the last recorded_at; latency is recorded_at - occurred_at per event.");
        report.note("open loop: requests sent on a fixed schedule whatever the answers; latency counts from when each"
                + " request was due (no coordinated omission).");
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

    private static Map<Kind, Histogram> histograms() {
        var histograms = new EnumMap<Kind, Histogram>(Kind.class);
        for (var kind : Kind.values()) {
            histograms.put(kind, new ConcurrentHistogram(3));
        }
        return histograms;
    }

    /** Walks every unit through the route with the configured workers; returns when the first scan was sent. */
    private Instant closedLoop(UnitWork.Crew crew, Equipment equipment, List<String> serials, Report report) {
        var latencies = histograms();
        var failures = new AtomicInteger();
        var packOutWaits = new AtomicInteger();
        var queue = new ConcurrentLinkedQueue<>(serials);
        var firstScan = Instant.now();
        long start = System.nanoTime();
        try (var workers = Executors.newFixedThreadPool(options.concurrency())) {
            for (int w = 0; w < options.concurrency(); w++) {
                workers.submit(() -> {
                    String serial;
                    while ((serial = queue.poll()) != null) {
                        if (!walk(UnitWork.of(serial, crew, equipment), serial, latencies, packOutWaits)) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        var all = new Histogram(3);
        for (var kind : Kind.values()) {
            var histogram = latencies.get(kind);
            all.add(histogram);
            report.add(new Report.Row(
                    "closed loop " + kind.label + " (HTTP)", histogram.getTotalCount(), elapsed, histogram));
        }
        report.add(new Report.Row("closed loop all requests", all.getTotalCount(), elapsed, all));
        report.add(new Report.Row("closed loop units packed", serials.size() - failures.get(), elapsed, null));
        report.note("closed loop: " + packOutWaits.get() + " pack-out check-ins refused while provisioning's verdicts"
                + " were on their way (each tried again after " + PACK_OUT_RETRY_AFTER.toMillis() + " ms)");
        if (failures.get() > 0) {
            report.note("closed loop: " + failures.get() + " units did not finish their route (refused or failed)");
        }
        return firstScan;
    }

    private static boolean walk(
            List<UnitWork.Request> requests,
            String serial,
            Map<Kind, Histogram> latencies,
            AtomicInteger packOutWaits) {
        try {
            for (var request : requests) {
                for (int attempt = 1; ; attempt++) {
                    var call = request.prepare().get();
                    long t = System.nanoTime();
                    var verdict = call.get().join();
                    latencies.get(request.kind()).recordValue(micros(t));
                    if (verdict.accepted()) {
                        break;
                    }
                    if (request.isPackOutCheckIn()
                            && PROVISIONING_MISSING.equals(verdict.code())
                            && attempt < PACK_OUT_ATTEMPTS) {
                        packOutWaits.incrementAndGet();
                        LockSupport.parkNanos(PACK_OUT_RETRY_AFTER.toNanos());
                        continue;
                    }
                    log.warn("{}: {} at {} refused: {}", serial, request.kind(), request.station(), verdict.message());
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
     * Offers {@code rate} requests a second for the configured time: at each tick the next request of a unit waiting
     * at a station is sent without waiting for earlier answers (each unit's requests still go in order; a pack-out
     * refused while provisioning's verdicts are on their way is offered again later); when no unit waits, a new one
     * starts the route.
     */
    private void openLoop(UnitWork.Crew crew, Equipment equipment, int rate, List<String> fresh, Report report)
            throws Exception {
        int total = (int) (rate * options.rateDuration().toSeconds());
        var newUnits = new ConcurrentLinkedQueue<>(fresh);
        var ready = new ConcurrentLinkedQueue<Cursor>();
        var latencies = histograms();
        var refused = new AtomicInteger();
        var packOutWaits = new AtomicInteger();
        var failed = new AtomicInteger();
        var packed = new AtomicInteger();
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
                var serial = newUnits.remove();
                cursor = new Cursor(UnitWork.of(serial, crew, equipment));
            }
            var unit = cursor;
            var request = unit.requests.get(unit.step);
            CompletableFuture<PlantClient.Verdict> answer;
            try {
                answer = request.prepare().get().get();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answers.add(answer.whenComplete((verdict, error) -> {
                latencies.get(request.kind()).recordValue(micros(due));
                if (error != null) {
                    failed.incrementAndGet();
                } else if (!verdict.accepted()) {
                    if (request.isPackOutCheckIn() && PROVISIONING_MISSING.equals(verdict.code())) {
                        packOutWaits.incrementAndGet();
                        ready.add(unit);
                    } else {
                        refused.incrementAndGet();
                    }
                } else if (++unit.step < unit.requests.size()) {
                    ready.add(unit);
                } else {
                    packed.incrementAndGet();
                }
            }));
        }
        long offered = System.nanoTime() - start;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(5, TimeUnit.MINUTES);
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        var all = new Histogram(3);
        latencies.values().forEach(all::add);
        report.add(new Report.Row(
                "open loop check-in verdict @ " + rate + "/s",
                latencies.get(Kind.CHECK_IN).getTotalCount(),
                elapsed,
                latencies.get(Kind.CHECK_IN)));
        report.add(new Report.Row(
                "open loop part scan @ " + rate + "/s",
                latencies.get(Kind.PART).getTotalCount(),
                elapsed,
                latencies.get(Kind.PART)));
        report.add(new Report.Row("open loop all requests @ " + rate + "/s", all.getTotalCount(), elapsed, all));
        report.note(String.format(
                Locale.ROOT,
                "open loop @ %d/s: %d requests offered in %.1f s, the last answered after %.1f s; %d units packed,"
                        + " %d pack-out check-ins refused awaiting provisioning, %d other refusals, %d failed"
                        + " (timeout %d s or error)",
                rate,
                total,
                offered / 1e9,
                elapsed.toNanos() / 1e9,
                packed.get(),
                packOutWaits.get(),
                refused.get(),
                failed.get(),
                PlantClient.TIMEOUT.toSeconds()));
    }

    private static long micros(long sinceNanos) {
        return Math.max(0, (System.nanoTime() - sinceNanos) / 1000);
    }

    /** A unit of the open loop and the index of its next request. */
    private static final class Cursor {
        final List<UnitWork.Request> requests;
        volatile int step;

        Cursor(List<UnitWork.Request> requests) {
            this.requests = requests;
        }
    }
}
