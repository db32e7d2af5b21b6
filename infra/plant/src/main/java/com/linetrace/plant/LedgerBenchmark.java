package com.linetrace.plant;

import com.linetrace.audit.verifier.Checkpoint;
import com.linetrace.audit.verifier.Merkle;
import com.linetrace.audit.verifier.NoteVerifier;
import com.linetrace.bulkload.BulkLoad;
import com.linetrace.bulkload.LoadOptions;
import com.linetrace.bulkload.LoadPlan;
import com.linetrace.bulkload.ProgressBar;
import com.linetrace.contracts.Topics;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit ledger's cost (issue 17, point 7): embedded PostgreSQL and Kafka under a data directory (the plant's
 * durable settings), a bulk load of about a million events written straight to Kafka (the trace benchmark's load, as
 * tracking and provisioning write them), audit started alone from its launcher jar, its append rate measured until its
 * consumer lag is 0, then, over HTTP as a quality engineer at that size: a signed checkpoint, entries with their
 * inclusion proofs and consistency proofs (size, time to serve, time to verify with the standalone verifier's code,
 * each one verified against the signed root), the ledger's verification of itself, and the audit schema's size. Run it
 * from the plant jar after building audit's launcher:
 *
 * <pre>java -Dloader.main=com.linetrace.plant.LedgerBenchmark -jar infra/plant/target/linetrace-plant.jar \
 *   --units=17600 --data-dir=/tmp/ledger-bench</pre>
 *
 * Options: the bulk load's ({@code --units} (17,600: about a million events) {@code --seed …}), {@code --data-dir}
 * (default a temporary one, removed afterwards unless {@code --keep-data}), {@code --skip-load}, {@code --samples=1000}
 * (proofs of each kind, a tenth more to warm up first), {@code --audit-heap=1g}, {@code --launchers} (the repository
 * whose {@code services/audit/launcher/target} holds the launcher jar), {@code --fast-servers}. The scan benchmark
 * with and without the ledger is {@link Benchmark}, with {@code
 * --spring.autoconfigure.exclude=com.linetrace.audit.AuditAutoConfiguration} for "without" (docs/ledger-benchmark.md).
 */
public final class LedgerBenchmark {

    private static final String GROUP = "linetrace-audit";
    private static final List<String> TOPICS = List.of(
            Topics.UNIT_EVENTS,
            Topics.PROVISIONING_EVENTS,
            Topics.AUDIT_ACTIONS,
            Topics.EQUIPMENT_RESULTS,
            Topics.LINE_EVENTS);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Options options;
    private final Random random;
    private final StringBuilder report = new StringBuilder();
    private @Nullable PlantProcess audit;
    private RSAPublicKey publicKey;
    private RSAPrivateKey privateKey;
    private URI base;

    record Options(
            LoadOptions load,
            Path dataDir,
            boolean keepData,
            boolean skipLoad,
            int samples,
            String auditHeap,
            Path launcherJar,
            boolean fastServers) {}

    private LedgerBenchmark(Options options) {
        this.options = options;
        this.random = new Random(options.load().seed());
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var options = parse(args);
        Files.createDirectories(options.dataDir());
        int status = 0;
        try (var lock = DataDirectoryLock.acquire(options.dataDir())) {
            new LedgerBenchmark(options).run();
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
        line("Audit ledger benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs; load average at start "
                + Machine.loadAverage());
        line("load: " + String.join(" ", options.load().arguments()));
        var postgres = options.fastServers()
                ? EmbeddedPostgresServer.throwaway()
                : EmbeddedPostgresServer.durable(options.dataDir().resolve("postgres"));
        var kafka = options.fastServers()
                ? EmbeddedKafkaServer.throwaway()
                : EmbeddedKafkaServer.durable(options.dataDir().resolve("kafka"));
        var stopper = new Thread(() -> {
            if (audit != null && audit.alive()) {
                audit.terminate();
            }
            postgres.close();
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            if (!options.skipLoad()) {
                var written = new BulkLoad(options.load(), kafka.bootstrapServers(), kafka.clientProperties(), 3)
                        .run(System.out);
                line(written + "; load average " + Machine.loadAverage());
            }
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            var pair = keys.generateKeyPair();
            publicKey = (RSAPublicKey) pair.getPublic();
            privateKey = (RSAPrivateKey) pair.getPrivate();
            var keyFile = options.dataDir().resolve("token-public-key.pem");
            Files.writeString(keyFile, BearerTokens.pem(publicKey), StandardCharsets.US_ASCII);
            long startedAt = System.nanoTime();
            audit = new PlantProcess(
                    options.launcherJar(),
                    options.dataDir().resolve("audit"),
                    ClusterRun.freePort(),
                    List.of("-Xmx" + options.auditHeap()),
                    List.of(
                            "--spring.datasource.url=" + postgres.jdbcUrl(),
                            "--spring.datasource.username=" + postgres.username(),
                            "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            "--linetrace.security.token.public-key=" + keyFile,
                            "--linetrace.audit.throw-away-key=true",
                            "--logging.level.root=WARN"),
                    TraceBenchmark.secrets(postgres, kafka));
            audit.start();
            if (audit.awaitHealthy(Duration.ofMinutes(5)) == null) {
                throw new IllegalStateException("Audit did not start:\n" + audit.logTail(40));
            }
            base = URI.create("http://127.0.0.1:" + audit.port());
            line("audit started from " + options.launcherJar().getFileName() + " in "
                    + Machine.seconds(Duration.ofNanos(System.nanoTime() - startedAt)) + " (log " + audit.logFile()
                    + ")");
            catchUp(kafka.clientConfig());
            appendRate(postgres);
            proofs();
            databaseSize(postgres);
            line("load average at the end " + Machine.loadAverage());
        } finally {
            if (audit != null && audit.alive()) {
                audit.stop(Duration.ofSeconds(30));
            }
            kafka.close();
            postgres.close();
        }
        System.out.println();
        System.out.println(report);
        Files.writeString(options.dataDir().resolveSibling(options.dataDir().getFileName() + "-report.txt"), report);
    }

    /** Waits until the ledger's consumer has committed every record of the topics it reads. */
    private void catchUp(Map<String, Object> kafkaClient) throws Exception {
        try (var admin = Admin.create(kafkaClient)) {
            var partitions = new ArrayList<TopicPartition>();
            for (var description :
                    admin.describeTopics(TOPICS).allTopicNames().get().values()) {
                description
                        .partitions()
                        .forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
            }
            var latest = new HashMap<TopicPartition, OffsetSpec>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var bar = new ProgressBar(System.out, "records", 1);
            long started = System.nanoTime();
            while (true) {
                if (audit == null || !audit.alive()) {
                    throw new IllegalStateException("Audit stopped:\n" + (audit == null ? "" : audit.logTail(40)));
                }
                Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> ends;
                try {
                    ends = admin.listOffsets(latest).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // The topics audit declared at its start may not have their leaders yet: ask again.
                    TimeUnit.SECONDS.sleep(1);
                    continue;
                }
                var committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                long lag = 0;
                long consumed = 0;
                for (var p : partitions) {
                    var offset = committed.get(p);
                    long at = offset == null ? 0 : offset.offset();
                    lag += ends.get(p).offset() - at;
                    consumed += at;
                }
                bar.total(consumed + lag);
                bar.show(consumed, consumed, "lag " + String.format("%,d", lag));
                if (lag == 0 && consumed > 0) {
                    bar.done();
                    line(String.format(
                            "catch-up: %,d records read by %s in %s from audit's start; load average %s",
                            consumed,
                            GROUP,
                            Machine.seconds(Duration.ofNanos(System.nanoTime() - started)),
                            Machine.loadAverage()));
                    return;
                }
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    /** The append rate by the ledger's own clock: entries over the time between its first and last append. */
    private void appendRate(EmbeddedPostgresServer postgres) throws SQLException {
        try (var connection =
                        DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        select count(*), min(appended_at), max(appended_at),
                            (select count(*) from audit.subtree), (select count(*) from audit.checkpoint)
                        from audit.entry""")) {
            rows.next();
            long entries = rows.getLong(1);
            var first = rows.getTimestamp(2).toInstant();
            var last = rows.getTimestamp(3).toInstant();
            var took = Duration.between(first, last);
            line(String.format(
                    "appended: %,d entries (%,d subtree hashes, %d checkpoints signed on the way) in %s from the first"
                            + " append to the last, %,.0f entries/s",
                    entries,
                    rows.getLong(4),
                    rows.getLong(5),
                    Machine.seconds(took),
                    entries / Math.max(0.001, took.toMillis() / 1000.0)));
        }
    }

    private void proofs() throws Exception {
        var signed = post("/api/audit/checkpoints");
        long size = signed.get("treeSize").asLong();
        var root = Base64.getDecoder().decode(signed.get("rootHash").asString());
        var key = NoteVerifier.parse(
                get("/api/audit/public-key").json().get("verifierKey").asString());
        var opened = Checkpoint.open(signed.get("note").asString(), key);
        if (opened.size() != size || !java.util.Arrays.equals(opened.rootHash(), root)) {
            throw new IllegalStateException("The checkpoint's note does not sign its size and root");
        }
        line(String.format("checkpoint at %,d entries, its signed note verified with the public key", size));
        line(String.format(
                "%-46s %8s %8s %8s %8s %8s %9s",
                "HTTP (one client, after warm-up)", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms", "verify µs"));
        var hashes = new Histogram(1_000, 2);
        var bytes = new Histogram(1_000_000, 3);
        var verifyMicros = new Histogram(60_000_000L, 3);
        time(
                "inclusion proof GET /api/audit/entries/{i}",
                i -> {
                    long index = random.nextLong(size);
                    var answer = get("/api/audit/entries/" + index + "?treeSize=" + size);
                    var json = answer.json();
                    var proof = hashesOf(json.get("inclusionProof"));
                    var leaf = Base64.getDecoder().decode(json.get("leafHash").asString());
                    var entry = Base64.getDecoder().decode(json.get("entry").asString());
                    long started = System.nanoTime();
                    boolean ok = java.util.Arrays.equals(Merkle.leafHash(entry), leaf)
                            && Merkle.verifyInclusion(index, size, leaf, proof, root);
                    verifyMicros.recordValue(Math.max(1, (System.nanoTime() - started) / 1000));
                    if (!ok) {
                        throw new IllegalStateException("The inclusion proof of entry " + index + " does not verify");
                    }
                    hashes.recordValue(proof.size());
                    bytes.recordValue(proof.size() * Merkle.HASH_BYTES);
                    return answer;
                },
                verifyMicros);
        line(String.format(
                "  inclusion proofs at %,d entries: %d to %d hashes (%d to %d bytes), every one verified against the"
                        + " signed root; a whole answer with the entry and its fields %s",
                size,
                hashes.getMinValue(),
                hashes.getMaxValue(),
                hashes.getMinValue() * Merkle.HASH_BYTES,
                hashes.getMaxValue() * Merkle.HASH_BYTES,
                answerBytes));
        // Consistency from a random older size to the checkpoint; those from a signed older checkpoint are verified.
        var older = new ArrayList<long[]>();
        var checkpoints = get("/api/audit/checkpoints?limit=500").json();
        var roots = new HashMap<Long, byte[]>();
        for (var checkpoint : checkpoints) {
            long treeSize = checkpoint.get("treeSize").asLong();
            if (treeSize > 0 && treeSize < size) {
                roots.put(
                        treeSize,
                        Base64.getDecoder().decode(checkpoint.get("rootHash").asString()));
                older.add(new long[] {treeSize});
            }
        }
        var consistencyHashes = new Histogram(1_000, 2);
        var consistencyVerify = new Histogram(60_000_000L, 3);
        int[] verified = {0};
        time(
                "consistency proof GET /api/audit/consistency",
                i -> {
                    long first = (i % 2 == 0 && !older.isEmpty())
                            ? older.get(random.nextInt(older.size()))[0]
                            : 1 + random.nextLong(size - 1);
                    var answer = get("/api/audit/consistency?first=" + first + "&second=" + size);
                    var proof = hashesOf(answer.json().get("proof"));
                    consistencyHashes.recordValue(proof.size());
                    var firstRoot = roots.get(first);
                    if (firstRoot != null) {
                        long started = System.nanoTime();
                        boolean ok = Merkle.verifyConsistency(first, size, firstRoot, root, proof);
                        consistencyVerify.recordValue(Math.max(1, (System.nanoTime() - started) / 1000));
                        if (!ok) {
                            throw new IllegalStateException("The consistency proof from " + first + " does not verify");
                        }
                        verified[0]++;
                    }
                    return answer;
                },
                consistencyVerify);
        line(String.format(
                "  consistency proofs to %,d entries: %d to %d hashes (%d to %d bytes); %d of them from one of the %d"
                        + " checkpoints signed during the load, each verified against both signed roots",
                size,
                consistencyHashes.getMinValue(),
                consistencyHashes.getMaxValue(),
                consistencyHashes.getMinValue() * Merkle.HASH_BYTES,
                consistencyHashes.getMaxValue() * Merkle.HASH_BYTES,
                verified[0],
                older.size()));
        unitProofs(size, root);
        long started = System.nanoTime();
        var verification = post("/api/audit/verification");
        line(String.format(
                "self-verification POST /api/audit/verification: %s, %,d entries and %d checkpoints in %s",
                verification.get("intact").asBoolean() ? "intact" : "BROKEN " + verification.get("problem"),
                verification.get("entries").asLong(),
                verification.get("checkpoints").asLong(),
                Machine.seconds(Duration.ofNanos(System.nanoTime() - started))));
    }

    /**
     * What a device history record carries (issue 17, point 4): a unit's entries with one batch proof against the
     * checkpoint, each answer verified as the standalone verifier does; beside it, how many hashes a proof per entry
     * would have taken.
     */
    private void unitProofs(long size, byte[] root) {
        var plan = new LoadPlan(options.load());
        var entries = new Histogram(100_000, 3);
        var hashes = new Histogram(1_000_000, 3);
        var perEntry = new Histogram(10_000_000, 3);
        var bytes = new Histogram(100_000_000L, 3);
        var verifyMicros = new Histogram(60_000_000L, 3);
        Merkle.Subtrees shapeOnly = (start, end) -> new byte[Merkle.HASH_BYTES];
        time(
                "unit proofs GET /api/audit/units/{s}/proofs",
                i -> {
                    var serial = plan.serial(random.nextInt(options.load().units()));
                    var answer = get("/api/audit/units/" + serial + "/proofs");
                    var json = answer.json();
                    var checkpoint = json.get("checkpoint");
                    if (checkpoint.get("treeSize").asLong() != size) {
                        throw new IllegalStateException("The proofs of " + serial + " are against a checkpoint at "
                                + checkpoint.get("treeSize").asLong() + ", not the one at " + size);
                    }
                    var indexes = new long[json.get("entries").size()];
                    var leaves = new ArrayList<byte[]>();
                    long paths = 0;
                    int n = 0;
                    for (var entry : json.get("entries")) {
                        indexes[n++] = entry.get("index").asLong();
                        leaves.add(Merkle.leafHash(entry.get("entry").asString().getBytes(StandardCharsets.UTF_8)));
                        paths += Merkle.inclusionProof(shapeOnly, indexes[n - 1], size)
                                .size();
                    }
                    var proof = hashesOf(json.get("proof"));
                    long started = System.nanoTime();
                    boolean ok = Merkle.verifyBatchInclusion(indexes, leaves, size, proof, root);
                    verifyMicros.recordValue(Math.max(1, (System.nanoTime() - started) / 1000));
                    if (!ok) {
                        throw new IllegalStateException("The proof of the entries of " + serial + " does not verify");
                    }
                    entries.recordValue(indexes.length);
                    hashes.recordValue(proof.size());
                    perEntry.recordValue(paths);
                    bytes.recordValue(answer.body().length());
                    return answer;
                },
                verifyMicros);
        line(String.format(
                "  a unit's entries at %,d entries: %d to %d (p50 %d); one batch proof of %d to %d hashes (p50 %d), an"
                        + " inclusion proof per entry would be %d to %d (p50 %d); the answer (the record's 'ledger')"
                        + " %,d to %,d bytes (p50 %,d), every one verified against the signed root",
                size,
                entries.getMinValue(),
                entries.getMaxValue(),
                entries.getValueAtPercentile(50),
                hashes.getMinValue(),
                hashes.getMaxValue(),
                hashes.getValueAtPercentile(50),
                perEntry.getMinValue(),
                perEntry.getMaxValue(),
                perEntry.getValueAtPercentile(50),
                bytes.getMinValue(),
                bytes.getMaxValue(),
                bytes.getValueAtPercentile(50)));
    }

    private String answerBytes = "";

    private static List<byte[]> hashesOf(JsonNode array) {
        var hashes = new ArrayList<byte[]>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        return hashes;
    }

    /** Warms up with a tenth of the samples, then times them one after the other; every call must answer 200. */
    private void time(String what, LongFunction<Answer> call, Histogram verifyMicros) {
        var histogram = new Histogram(3_600_000_000L, 3);
        var sizes = new Histogram(10_000_000L, 3);
        int samples = options.samples();
        int warmUp = Math.max(3, samples / 10);
        for (int i = 0; i < warmUp + samples; i++) {
            if (i == warmUp) {
                verifyMicros.reset();
            }
            long started = System.nanoTime();
            var answer = call.apply(i);
            long took = System.nanoTime() - started;
            if (i >= warmUp) {
                histogram.recordValue(Math.max(1, took / 1000));
                sizes.recordValue(answer.body().length());
            }
        }
        answerBytes = String.format("%d to %d bytes", sizes.getMinValue(), sizes.getMaxValue());
        line(String.format(
                "%-46s %8d %8.1f %8.1f %8.1f %8.1f %9s",
                what,
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0,
                verifyMicros.getTotalCount() == 0
                        ? "-"
                        : String.format(
                                "p50 %d p99 %d",
                                verifyMicros.getValueAtPercentile(50), verifyMicros.getValueAtPercentile(99))));
    }

    private record Answer(String path, int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    private JsonNode post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()), path)
                .json();
    }

    private Answer send(HttpRequest.Builder builder, String path) {
        var request = builder.timeout(Duration.ofMinutes(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token())
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
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
            tokens = new BenchmarkTokens(publicKey, privateKey, Duration.ofMinutes(40));
        }
        return tokens.current();
    }

    /** pg_total_relation_size of every table of the audit schema, after ANALYZE. */
    private void databaseSize(EmbeddedPostgresServer postgres) throws SQLException {
        try (var connection =
                DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            try (var analyze = connection.createStatement()) {
                analyze.execute("analyze");
            }
            try (var statement = connection.prepareStatement("""
                            select c.relname, pg_total_relation_size(c.oid), pg_indexes_size(c.oid),
                                c.reltuples::bigint
                            from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = 'audit' and c.relkind = 'r'
                            order by pg_total_relation_size(c.oid) desc""");
                    var rows = statement.executeQuery()) {
                long total = 0;
                var lines = new ArrayList<String>();
                while (rows.next()) {
                    total += rows.getLong(2);
                    if (rows.getLong(4) > 0) {
                        lines.add(String.format(
                                "  %-24s %,10.1f MB (indexes %,8.1f MB), about %,d rows",
                                rows.getString(1), rows.getLong(2) / 1e6, rows.getLong(3) / 1e6, rows.getLong(4)));
                    }
                }
                line(String.format("database: audit schema %,.1f MB, the tables with rows:", total / 1e6));
                lines.forEach(this::line);
            }
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    static Options parse(String... args) {
        var arguments = new ArrayList<>(List.of(args));
        if (arguments.stream().noneMatch(a -> a.startsWith("--units="))) {
            // About 56.8 events a unit: 17,600 units are a million records, a million entries.
            arguments.add("--units=17600");
        }
        var parsed = LoadOptions.parse(arguments);
        Path dataDir = null;
        boolean keep = false;
        boolean skip = false;
        int samples = 1000;
        var heap = "1g";
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
                case "--audit-heap" -> heap = value;
                case "--launchers" -> launchers = Path.of(value).toAbsolutePath();
                case "--fast-servers" -> fast = true;
                default -> throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        try {
            if (dataDir == null) {
                dataDir = Files.createTempDirectory("linetrace-ledger-benchmark-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (launchers == null) {
            // infra/plant/target/linetrace-plant.jar: the repository is three folders up.
            launchers = Path.of(System.getProperty("java.class.path"))
                    .toAbsolutePath()
                    .getParent()
                    .getParent()
                    .getParent()
                    .getParent();
        }
        var jar = launchers.resolve("services/audit/launcher/target/linetrace-audit-launcher-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No audit launcher jar " + jar
                    + ": build it (./mvnw -B -DskipTests -pl services/audit/launcher -am package) or name the"
                    + " repository with --launchers=");
        }
        return new Options(parsed.options(), dataDir, keep, skip, samples, heap, jar, fast);
    }
}
