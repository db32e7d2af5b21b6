package com.linetrace.plant;

import com.linetrace.bulkload.BulkLoad;
import com.linetrace.bulkload.LoadOptions;
import com.linetrace.bulkload.LoadPlan;
import com.linetrace.bulkload.ProgressBar;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.embedded.DataDirectoryLock;
import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.web.BearerTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Trace's scale benchmark: embedded PostgreSQL and Kafka under a data directory (the plant's durable settings), a
 * bulk load of {@code --units} units written straight to Kafka, trace started alone from its launcher jar (a process of
 * its own, verifying tokens with a key pair made for the run), the read model's catch-up measured in events per
 * second until the consumer lag is 0, then, over HTTP as a quality engineer, a serial's timeline and genealogy,
 * where-used of full lots (first page and the whole CSV) and search pages, with the database size of the trace
 * schema. Run it from the plant jar after building trace's launcher:
 *
 * <pre>java -Dloader.main=com.linetrace.plant.TraceBenchmark -jar infra/plant/target/linetrace-plant.jar \
 *   --units=200000 --data-dir=/tmp/trace-scale --keep-data</pre>
 *
 * Options: the bulk load's ({@code --units --events-per-unit --seed --lot-units …}), {@code --data-dir} (default a
 * temporary one, removed afterwards unless {@code --keep-data}), {@code --skip-load} (measure a data directory an
 * earlier run kept), {@code --samples=1000} (timelines, genealogies, search pages; a tenth more to warm up first),
 * {@code --lot-samples=30} (where-used pages and CSVs), {@code --warm-up=60s} (the unit queries in turn before anything is
 * timed, see {@link #warmUp}), {@code --prewarm=trace} (the schema's files read into memory first, see
 * {@link #prewarm}; {@code none} measures them cold), {@code --trace-heap=1g}, {@code --trace-instances=1} (trace
 * processes sharing the topics' partitions, as a deployment runs two; HTTP goes to the first), {@code --launchers} (the repository
 * whose {@code services/trace/launcher/target} holds the launcher jar; found from the plant jar by default),
 * {@code --fast-servers} (the tests' crash-unsafe settings), {@code --explain=<file of SQL>} (the plans of those
 * statements, see {@link #explain}).
 */
public final class TraceBenchmark {

    private static final String GROUP_PREFIX = "linetrace-trace";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Options options;
    private final LoadPlan plan;
    private final Random random;
    private final StringBuilder report = new StringBuilder();
    private final List<PlantProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private RSAPublicKey publicKey;
    private RSAPrivateKey privateKey;
    private URI trace;

    record Options(
            LoadOptions load,
            Path dataDir,
            boolean keepData,
            boolean skipLoad,
            int samples,
            int lotSamples,
            Duration warmUp,
            boolean prewarm,
            String traceHeap,
            int traceInstances,
            Path launcherJar,
            boolean fastServers,
            @org.jspecify.annotations.Nullable Path explain) {}

    private TraceBenchmark(Options options) {
        this.options = options;
        this.plan = new LoadPlan(options.load());
        this.random = new Random(options.load().seed());
    }

    public static void main(String[] args) throws Exception {
        // The embedded broker and the clients log at INFO; the console is for the progress and the figures.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var options = parse(args);
        Files.createDirectories(options.dataDir());
        int status = 0;
        try (var lock = DataDirectoryLock.acquire(options.dataDir())) {
            new TraceBenchmark(options).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (!options.keepData()) {
                Benchmark.deleteTree(options.dataDir());
            }
        }
        System.exit(status);
    }

    private void run() throws Exception {
        line("Trace scale benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + Machine.cpuModel() + "), "
                + Machine.memory() + " RAM; load average at start " + Machine.loadAverage());
        line("load: " + String.join(" ", options.load().arguments()));
        var postgres = options.fastServers()
                ? EmbeddedPostgresServer.throwaway()
                : EmbeddedPostgresServer.durable(options.dataDir().resolve("postgres"));
        var kafka = options.fastServers()
                ? EmbeddedKafkaServer.throwaway()
                : EmbeddedKafkaServer.durable(options.dataDir().resolve("kafka"));
        // Ctrl+C ends the JVM without its finally blocks: the trace processes must not outlive it.
        var stopper = new Thread(() -> {
            processes.forEach(p -> {
                if (p.alive()) {
                    p.terminate();
                }
            });
            postgres.close();
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            if (!options.skipLoad()) {
                var written = new BulkLoad(options.load(), kafka.bootstrapServers(), kafka.clientProperties(), 3)
                        .run(System.out);
                line(written.toString() + "; load average " + Machine.loadAverage());
            }
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            var pair = keys.generateKeyPair();
            publicKey = (RSAPublicKey) pair.getPublic();
            privateKey = (RSAPrivateKey) pair.getPrivate();
            var keyFile = options.dataDir().resolve("token-public-key.pem");
            Files.writeString(keyFile, BearerTokens.pem(publicKey), StandardCharsets.US_ASCII);
            long startedAt = System.nanoTime();
            for (int instance = 1; instance <= options.traceInstances(); instance++) {
                var process = new PlantProcess(
                        options.launcherJar(),
                        options.dataDir().resolve("trace-" + instance),
                        ClusterRun.freePort(),
                        List.of("-Xmx" + options.traceHeap()),
                        List.of(
                                "--spring.datasource.url=" + postgres.jdbcUrl(),
                                "--spring.datasource.username=" + postgres.username(),
                                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--linetrace.security.token.public-key=" + keyFile,
                                "--logging.level.root=WARN"),
                        secrets(postgres, kafka));
                // One at a time: instances migrating an empty schema at once race to create Liquibase's tables.
                process.start();
                processes.add(process);
                // A kept data directory may have millions of rows for a new changeset to migrate (an index to build).
                if (process.awaitHealthy(Duration.ofMinutes(30)) == null) {
                    throw new IllegalStateException("Trace did not start:\n" + process.logTail(40));
                }
            }
            trace = URI.create("http://127.0.0.1:" + processes.getFirst().port());
            line(options.traceInstances() + " trace instance(s) started from "
                    + options.launcherJar().getFileName()
                    + " in " + Machine.seconds(Duration.ofNanos(System.nanoTime() - startedAt)) + " (log "
                    + processes.getFirst().logFile() + "); HTTP measured on the first");
            catchUp(kafka.clientConfig());
            if (options.prewarm()) {
                prewarm(postgres);
            } else {
                line("prewarm: none (--prewarm=none): the schema's pages are read from disk where the OS has not"
                        + " kept them");
            }
            measure();
            databaseSize(postgres);
            if (options.explain() != null) {
                explain(postgres, options.explain());
            }
            line("load average at the end " + Machine.loadAverage());
        } finally {
            for (var process : processes) {
                if (process.alive()) {
                    process.stop(Duration.ofSeconds(30));
                }
            }
            kafka.close();
            postgres.close();
        }
        System.out.println();
        System.out.println(report);
        Files.writeString(options.dataDir().resolveSibling(options.dataDir().getFileName() + "-report.txt"), report);
    }

    /** The passwords a trace process signs in to the servers with, kept off its command line. */
    static Map<String, String> secrets(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
        var secrets = new java.util.HashMap<>(kafka.springProperties());
        secrets.put("spring.datasource.password", postgres.password());
        return secrets;
    }

    /** Waits until trace's consumers have committed every record of the topics they read, showing the way there. */
    private void catchUp(Map<String, Object> kafkaClient) throws Exception {
        try (var admin = Admin.create(kafkaClient)) {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : List.of(Topics.UNIT_EVENTS, Topics.PROVISIONING_EVENTS)) {
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            var latest = new HashMap<TopicPartition, OffsetSpec>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var bar = new ProgressBar(System.out, "events", 1);
            long started = System.nanoTime();
            long firstAt = 0;
            long consumedAtFirst = 0;
            while (true) {
                for (var process : processes) {
                    if (!process.alive()) {
                        throw new IllegalStateException("Trace stopped:\n" + process.logTail(40));
                    }
                }
                var ends = admin.listOffsets(latest).all().get();
                var read = new HashMap<String, Long>();
                long lag = 0;
                long consumed = 0;
                var groups = admin.listConsumerGroups().all().get().stream()
                        .map(ConsumerGroupListing::groupId)
                        .filter(id -> id.startsWith(GROUP_PREFIX))
                        .toList();
                var topicsRead = new java.util.HashSet<String>();
                var committed = new HashMap<TopicPartition, Long>();
                for (var group : groups) {
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get()
                            .forEach((p, o) -> {
                                if (o != null && partitions.contains(p)) {
                                    topicsRead.add(p.topic());
                                    committed.merge(p, o.offset(), Math::min);
                                }
                            });
                }
                for (var p : partitions) {
                    if (topicsRead.contains(p.topic())) {
                        long end = ends.get(p).offset();
                        long at = committed.getOrDefault(p, 0L);
                        lag += end - at;
                        consumed += at;
                        read.merge(p.topic(), end - at, Long::sum);
                    }
                }
                if (firstAt == 0 && consumed > 0) {
                    firstAt = System.nanoTime();
                    consumedAtFirst = consumed;
                }
                bar.total(consumed + lag);
                bar.show(consumed, consumed, "lag " + String.format("%,d", lag));
                if (!topicsRead.isEmpty() && lag == 0 && consumed > 0) {
                    bar.done();
                    var took = Duration.ofNanos(System.nanoTime() - started);
                    var rate = (consumed - consumedAtFirst) / Math.max(0.001, (System.nanoTime() - firstAt) / 1e9);
                    line(String.format(
                            "catch-up: %,d events of %s read by %s in %s from trace's start, %,.0f events/s (from its"
                                    + " first committed offset); load average %s",
                            consumed,
                            String.join(" and ", topicsRead.stream().sorted().toList()),
                            String.join(", ", groups),
                            Machine.seconds(took),
                            rate,
                            Machine.loadAverage()));
                    if (!topicsRead.contains(Topics.PROVISIONING_EVENTS)) {
                        line("  (trace reads no provisioning events yet: only the unit events count)");
                    }
                    return;
                }
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    private void measure() throws Exception {
        int units = options.load().units();
        IntFunction<String> anySerial = i -> plan.serial(random.nextInt(units)).value();
        var lots = plan.fullLots();
        warmUp(List.of(
                i -> get("/api/units/" + anySerial.apply(i) + "/history", "application/json"),
                i -> get("/api/trace/units/" + anySerial.apply(i) + "/genealogy", "application/json"),
                i -> get("/api/trace/units/" + anySerial.apply(i), "application/json"),
                i -> search("workOrder=" + plan.workOrderOf(random.nextInt(units)))));
        line(String.format(
                "%-44s %8s %8s %8s %8s %8s %7s",
                "HTTP (one client, after warm-up)", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms", "goal"));
        time(
                "timeline GET /api/units/{s}/history",
                options.samples(),
                10,
                i -> get("/api/units/" + anySerial.apply(i) + "/history", "application/json"));
        time(
                "genealogy GET /api/trace/units/{s}/genealogy",
                options.samples(),
                20,
                i -> get("/api/trace/units/" + anySerial.apply(i) + "/genealogy", "application/json"));
        time(
                "unit GET /api/trace/units/{s}",
                options.samples(),
                10,
                i -> get("/api/trace/units/" + anySerial.apply(i), "application/json"));
        if (lots.isEmpty()) {
            line("  no lot reaches " + options.load().lotUnits() + " units in this load: where-used not measured");
        } else {
            line("  where-used of lots of " + options.load().lotUnits() + " units, e.g. "
                    + lots.getFirst().partNumber() + " " + lots.getFirst().lot() + " (" + lots.size() + " such lots)");
            time("where-used first page (50)", options.lotSamples(), 200, i -> {
                var lot = lots.get(random.nextInt(lots.size()));
                return get(
                        "/api/trace/where-used?partNumber=" + lot.partNumber() + "&lot=" + lot.lot() + "&size=50",
                        "application/json");
            });
            var rows = new long[1];
            time("where-used CSV, whole lot", options.lotSamples(), 200, i -> {
                var lot = lots.get(random.nextInt(lots.size()));
                var answer = get(
                        "/api/trace/where-used.csv?partNumber=" + lot.partNumber() + "&lot=" + lot.lot(), "text/csv");
                rows[0] = answer.lines() - 1;
                return answer;
            });
            line("  a CSV had " + String.format("%,d", rows[0]) + " units");
        }
        var searches = searches(lots);
        var all = new Histogram(3_600_000_000L, 3);
        for (var search : searches.entrySet()) {
            all.add(time("search " + search.getKey(), options.samples() / searches.size(), 50, search.getValue()));
        }
        if (all.getTotalCount() > 0) {
            row("search, all of the above", all, 50);
        }
    }

    /**
     * Calls the unit queries in turn for {@code --warm-up} before any series is timed. The JIT compiles the HTTP path
     * (Tomcat, the security filters, the token's check, Jackson) over the first thousands of calls; without this the
     * first series measured pays for it, and a plant's trace serves for months.
     */
    private void warmUp(List<IntFunction<Answer>> calls) {
        if (options.warmUp().isZero()) {
            line("warm-up: none (--warm-up=0s)");
            return;
        }
        long until = System.nanoTime() + options.warmUp().toNanos();
        int i = 0;
        while (System.nanoTime() < until) {
            var answer = calls.get(i % calls.size()).apply(i);
            if (answer.status() != 200) {
                throw new IllegalStateException("warm-up: " + answer.status() + " " + answer.path());
            }
            i++;
        }
        line(String.format(
                "warm-up: %,d calls of the timeline, genealogy, unit and search in turn over %s",
                i, Machine.seconds(options.warmUp())));
    }

    /** The searches a quality engineer makes, each with criteria of this load picked at random. */
    private Map<String, IntFunction<Answer>> searches(List<LoadPlan.Lot> lots) {
        int units = options.load().units();
        var searches = new LinkedHashMap<String, IntFunction<Answer>>();
        searches.put("by work order", i -> search("workOrder=" + plan.workOrderOf(random.nextInt(units))));
        searches.put("station + 1 day", i -> {
            var stations = plan.stations();
            var days = Math.max(
                    1, Duration.between(options.load().start(), plan.end()).toDays());
            var from = options.load().start().plus(Duration.ofDays(random.nextLong(days)));
            return search("station=" + stations.get(random.nextInt(stations.size())) + "&from=" + from + "&to="
                    + from.plus(Duration.ofDays(1)));
        });
        searches.put("by defect code", i -> {
            var codes = plan.defectCodes();
            return search("defect=" + codes.get(random.nextInt(codes.size())));
        });
        searches.put("held units", i -> search("status=HELD"));
        searches.put(
                "firmware version",
                i -> search("firmwareVersion="
                        + plan.firmwareVersion(FirmwareModule.FLIGHT_CONTROLLER, random.nextInt(units))));
        if (!lots.isEmpty()) {
            searches.put("lot + status COMPLETED", i -> {
                var lot = lots.get(random.nextInt(lots.size()));
                return search("partNumber=" + lot.partNumber() + "&lot=" + lot.lot() + "&status=COMPLETED");
            });
        }
        return searches;
    }

    private Answer search(String query) {
        return get("/api/trace/units?" + query + "&size=50", "application/json");
    }

    /**
     * Warms up with a tenth of {@code samples} calls, then times {@code samples} calls one after the other; every call
     * must answer 200.
     */
    private Histogram time(String what, int samples, int goalMillis, IntFunction<Answer> call) {
        var histogram = new Histogram(3_600_000_000L, 3);
        int warmUp = Math.max(3, samples / 10);
        for (int i = 0; i < warmUp + samples; i++) {
            long started = System.nanoTime();
            var answer = call.apply(i);
            long took = System.nanoTime() - started;
            if (answer.status() != 200) {
                var body =
                        answer.body().substring(0, Math.min(300, answer.body().length()));
                if (i == 0) {
                    // A trace without this query yet (or refusing it): say so, and measure the others.
                    line(String.format("%-44s not measured: %d for %s %s", what, answer.status(), answer.path(), body));
                    return histogram;
                }
                throw new IllegalStateException(what + ": " + answer.status() + " " + answer.path() + "\n" + body);
            }
            if (i >= warmUp) {
                histogram.recordValue(Math.max(1, took / 1000));
            }
        }
        row(what, histogram, goalMillis);
        return histogram;
    }

    private void row(String what, Histogram micros, int goalMillis) {
        double p99 = micros.getValueAtPercentile(99) / 1000.0;
        line(String.format(
                "%-44s %8d %8.1f %8.1f %8.1f %8.1f %7s",
                what,
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(95) / 1000.0,
                p99,
                micros.getMaxValue() / 1000.0,
                goalMillis <= 0 ? "-" : "<" + goalMillis + (p99 < goalMillis ? " ok" : " NO")));
    }

    /** An answer of trace: its status and body, read whole (a CSV to its last byte). */
    private record Answer(String path, int status, String body) {
        long lines() {
            return body.chars().filter(c -> c == '\n').count();
        }
    }

    private Answer get(String path, String accept) {
        var request = HttpRequest.newBuilder(trace.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + token())
                .GET()
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private @Nullable BenchmarkTokens tokens;

    private String token() {
        if (tokens == null) {
            tokens = new BenchmarkTokens(publicKey, privateKey, Duration.ofMinutes(10));
        }
        return tokens.current();
    }

    /**
     * Reads the trace schema's tables and indexes once with PostgreSQL's {@code pg_prewarm} (mode {@code read}: into
     * the OS's page cache, not PostgreSQL's buffers), so the queries are measured on a database whose files are in
     * memory, as on a server sized for them, rather than on pages the machine has not read since they were written: a
     * timeline's 6 index pages are each a disk read of a millisecond or more here when cold (docs/trace-scale.md, run
     * 6). It answers no query for trace: every answer still comes from the same index scans.
     */
    private void prewarm(EmbeddedPostgresServer postgres) throws SQLException {
        long started = System.nanoTime();
        try (var connection =
                        DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_prewarm");
            try (var blocks = statement.executeQuery("""
                    select coalesce(sum(pg_prewarm(c.oid, 'read')), 0)
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'trace' and c.relkind in ('r', 'i')""")) {
                blocks.next();
                line(String.format(
                        "prewarm: %,d blocks (%,.0f MB) of the trace schema's tables and indexes read in %s"
                                + " (pg_prewarm, mode read)",
                        blocks.getLong(1),
                        blocks.getLong(1) * 8192 / 1e6,
                        Machine.seconds(Duration.ofNanos(System.nanoTime() - started))));
            }
            statement.execute("drop extension pg_prewarm");
        }
    }

    /** pg_total_relation_size of every table of the trace schema (with its indexes and TOAST), and the rows. */
    private void databaseSize(EmbeddedPostgresServer postgres) throws SQLException {
        try (var connection =
                DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            try (var analyze = connection.createStatement()) {
                // reltuples is an estimate until the tables are analyzed; autovacuum may not have come by yet.
                analyze.execute("analyze");
            }
            databaseSize(connection);
        }
    }

    private void databaseSize(java.sql.Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("""
                        select c.relname, pg_total_relation_size(c.oid), pg_indexes_size(c.oid), c.reltuples::bigint
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'trace' and c.relkind = 'r'
                        order by pg_total_relation_size(c.oid) desc""");
                var rows = statement.executeQuery()) {
            long total = 0;
            var lines = new ArrayList<String>();
            while (rows.next()) {
                total += rows.getLong(2);
                if (rows.getLong(4) <= 0) {
                    continue;
                }
                lines.add(String.format(
                        "  %-24s %,10.1f MB (indexes %,8.1f MB), about %,d rows",
                        rows.getString(1), rows.getLong(2) / 1e6, rows.getLong(3) / 1e6, rows.getLong(4)));
            }
            line(String.format(
                    "database: trace schema %,.1f MB (pg_total_relation_size, after ANALYZE), the tables with rows:",
                    total / 1e6));
            lines.forEach(this::line);
        }
    }

    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS)} of each statement of {@code file} (separated by lines holding only {@code ;}),
     * with {@code :serial}, {@code :partNumber}, {@code :lot}, {@code :workOrder}, {@code :firmwareVersion},
     * {@code :station}, {@code :defect}, {@code :from} and {@code :to} (a day of the unit's) replaced by values of this load:
     * the plans of trace's queries on the data they were timed on.
     */
    private void explain(EmbeddedPostgresServer postgres, Path file) throws IOException, SQLException {
        int unit = random.nextInt(options.load().units());
        var lot = plan.fullLots().isEmpty()
                ? new LoadPlan.Lot("FRM-AX4", "FRM00001")
                : plan.fullLots().get(random.nextInt(plan.fullLots().size()));
        var day = plan.startOf(unit).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        var values = Map.of(
                ":serial", "'" + plan.serial(unit).value() + "'",
                ":partNumber", "'" + lot.partNumber() + "'",
                ":lot", "'" + lot.lot() + "'",
                ":workOrder", "'" + plan.workOrderOf(unit) + "'",
                ":firmwareVersion", "'" + plan.firmwareVersion(FirmwareModule.FLIGHT_CONTROLLER, unit) + "'",
                ":station",
                        "'" + plan.stations().get(random.nextInt(plan.stations().size())) + "'",
                ":defect",
                        "'"
                                + plan.defectCodes()
                                        .get(random.nextInt(plan.defectCodes().size())) + "'",
                ":from", "timestamptz '" + day + "'",
                ":to", "timestamptz '" + day.plus(Duration.ofDays(1)) + "'");
        try (var connection =
                DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            for (var statement : Files.readString(file).split("(?m)^;\\s*$")) {
                var sql = statement
                        .lines()
                        .filter(l -> !l.strip().startsWith("--"))
                        .collect(java.util.stream.Collectors.joining("\n"))
                        .strip();
                if (sql.isEmpty()) {
                    continue;
                }
                for (var value : values.entrySet()) {
                    sql = sql.replace(value.getKey(), value.getValue());
                }
                line("EXPLAIN (ANALYZE, BUFFERS) " + sql);
                try (var explain = connection.createStatement();
                        var plan = explain.executeQuery("explain (analyze, buffers) " + sql)) {
                    while (plan.next()) {
                        line("  " + plan.getString(1));
                    }
                }
            }
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    static Options parse(String... args) {
        var parsed = LoadOptions.parse(List.of(args));
        Path dataDir = null;
        boolean keep = false;
        boolean skip = false;
        int samples = 1000;
        int lotSamples = 30;
        var warmUp = Duration.ofSeconds(60);
        var prewarm = true;
        var heap = "1g";
        int instances = 1;
        Path explain = null;
        Path launchers = null;
        boolean fast = false;
        for (var arg : parsed.rest()) {
            int eq = arg.indexOf('=');
            var name = eq < 0 ? arg : arg.substring(0, eq);
            var value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
                case "--keep-data" -> keep = true;
                case "--skip-load" -> skip = true;
                case "--samples" -> samples = Integer.parseInt(value);
                case "--lot-samples" -> lotSamples = Integer.parseInt(value);
                case "--prewarm" ->
                    prewarm = switch (value) {
                        case "trace" -> true;
                        case "none" -> false;
                        default -> throw new IllegalArgumentException("--prewarm is trace or none, not " + value);
                    };
                case "--warm-up" -> warmUp = Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
                case "--trace-heap" -> heap = value;
                case "--trace-instances" -> instances = Integer.parseInt(value);
                case "--launchers" -> launchers = Path.of(value).toAbsolutePath();
                case "--fast-servers" -> fast = true;
                case "--explain" -> explain = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        try {
            if (dataDir == null) {
                dataDir = Files.createTempDirectory("linetrace-trace-benchmark-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (launchers == null) {
            // infra/plant/target/linetrace-plant.jar: the repository is three folders up.
            var classPath = System.getProperty("java.class.path");
            launchers = Path.of(classPath)
                    .toAbsolutePath()
                    .getParent()
                    .getParent()
                    .getParent()
                    .getParent();
        }
        var jar = launchers.resolve("services/trace/launcher/target/linetrace-trace-launcher-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No trace launcher jar " + jar
                    + ": build it (./mvnw -B -DskipTests -pl services/trace/launcher -am package) or name the"
                    + " repository with --launchers=");
        }
        return new Options(
                parsed.options(),
                dataDir,
                keep,
                skip,
                samples,
                lotSamples,
                warmUp,
                prewarm,
                heap,
                instances,
                jar,
                fast,
                explain);
    }
}
