package com.linetrace.plant;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.KeptSecret;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The fault run: the plant as the README runs it ({@code java -jar}, in a process of its own, PostgreSQL embedded
 * under a temporary data directory) with the simulator at high speed, and the broker in this process so it can be
 * stopped. Each cycle kills the plant with {@code kill -9} and starts it again with the same command, stops the
 * PostgreSQL server with SIGINT (the plant starts it again) and stops the broker for a while. Then the plant is
 * stopped and started once more without the simulator, the backlog drains, and a {@link Reconciliation} counts what
 * was committed, lost and doubled. Run it from the plant jar:
 *
 * <pre>java -Dloader.main=com.linetrace.plant.FaultRun -jar infra/plant/target/linetrace-plant.jar --cycles=3</pre>
 *
 * Options (defaults): {@code --cycles=3 --speed=30 --unit-interval=20s --broker-down=10s --restart-limit=120s
 * --seed=<random> --jar=<the jar this runs from> --keep-data=false}. It exits 1 when anything was lost or doubled,
 * or a restart needed help, and 2 when the run itself could not be done.
 */
public final class FaultRun implements AutoCloseable {

    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    /**
     * Longer than a consumer group takes to give a killed plant's partitions to the new plant: the broker waits for
     * the dead member's session to expire (45 s, Kafka's default) before it hands them over.
     */
    private static final Duration UNCHANGED_FOR = Duration.ofSeconds(90);

    private final Options options;
    private final PrintStream out;
    private final Random random;
    private final Path root;
    private final Path dataDir;
    private final Path kafkaDir;
    private final long startedAt = System.nanoTime();
    private final List<Fault> faults = new ArrayList<>();
    private EmbeddedKafkaServer kafka;
    private final PlantProcess plant;
    private int kills;
    private int helped;

    /**
     * What a run does.
     *
     * @param jar the plant jar, started as the README's run command does
     * @param cycles how many times each fault is done, in turn
     * @param speed and {@code unitInterval}: the simulator's settings while the faults are done
     * @param brokerDown how long the broker stays stopped
     * @param restartLimit a restart not healthy by then needed help
     * @param seed of the moments chosen for a kill
     * @param keepData keep the data directory and logs after the run
     */
    record Options(
            Path jar,
            int cycles,
            double speed,
            Duration unitInterval,
            Duration brokerDown,
            Duration restartLimit,
            long seed,
            boolean keepData) {

        static Options parse(String... args) {
            var jar = runningJar();
            int cycles = 3;
            double speed = 30;
            var unitInterval = Duration.ofSeconds(20);
            var brokerDown = Duration.ofSeconds(10);
            var restartLimit = Duration.ofSeconds(120);
            long seed = new Random().nextLong();
            boolean keepData = false;
            for (var arg : args) {
                int eq = arg.indexOf('=');
                var name = eq < 0 ? arg : arg.substring(0, eq);
                var value = eq < 0 ? "true" : arg.substring(eq + 1);
                switch (name) {
                    case "--jar" -> jar = Path.of(value);
                    case "--cycles" -> cycles = Integer.parseInt(value);
                    case "--speed" -> speed = Double.parseDouble(value);
                    case "--unit-interval" -> unitInterval = seconds(value);
                    case "--broker-down" -> brokerDown = seconds(value);
                    case "--restart-limit" -> restartLimit = seconds(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--keep-data" -> keepData = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (jar == null) {
                throw new IllegalArgumentException("Name the plant jar with --jar=<path>");
            }
            if (cycles < 0 || !(speed > 0)) {
                throw new IllegalArgumentException("--cycles is at least 0 and --speed above 0");
            }
            return new Options(jar, cycles, speed, unitInterval, brokerDown, restartLimit, seed, keepData);
        }

        private static Duration seconds(String value) {
            return Duration.ofMillis((long) (Double.parseDouble(value.replaceFirst("s$", "")) * 1000));
        }

        /** {@code java -jar x.jar} puts only that jar on the class path. */
        private static @Nullable Path runningJar() {
            var classPath = System.getProperty("java.class.path", "");
            return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                    ? Path.of(classPath).toAbsolutePath()
                    : null;
        }
    }

    /** One fault done, and what it took to get the plant back. */
    record Fault(String what, Duration at, String outcome) {}

    /** Makes the data directory and starts the broker; the plant is not started yet. */
    FaultRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.random = new Random(options.seed());
        try {
            root = Files.createTempDirectory("linetrace-fault-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the fault run's directory", e);
        }
        dataDir = root.resolve("plant");
        kafkaDir = root.resolve("kafka");
        kafka = EmbeddedKafkaServer.durable(kafkaDir);
        plant = new PlantProcess(
                options.jar(),
                dataDir,
                freePort(),
                List.of(),
                List.of(
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--linetrace.simulator.speed=" + options.speed(),
                        "--linetrace.simulator.unit-interval="
                                + options.unitInterval().toMillis() + "ms"),
                kafka.springProperties());
        say("data in " + root + ", broker at " + kafka.bootstrapServers() + ", seed " + options.seed());
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        var options = Options.parse(args);
        int status;
        try (var run = new FaultRun(options, System.out)) {
            run.start();
            for (int cycle = 1; cycle <= options.cycles(); cycle++) {
                run.killAndRestart();
                run.stopPostgres();
                run.stopBroker();
            }
            var reconciliation = run.settle();
            run.print(reconciliation);
            status = reconciliation.balanced() && run.helped == 0 ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    /** Starts the plant with the simulator and waits until it is healthy and has recorded a unit event. */
    void start() throws InterruptedException, SQLException {
        plant.start();
        var took = awaitHealthy("first start");
        say("plant up in " + seconds(took) + " (pid " + plant.pid() + ")");
        awaitUnitEvents();
    }

    /**
     * Lets the plant work for a while (10 to 30 s, chosen at random), then {@code kill -9} and the same command
     * again ({@code extra} arguments appended), and waits until it is healthy.
     */
    void killAndRestart(String... extra) throws InterruptedException {
        runFor(Duration.ofMillis(10_000 + random.nextInt(20_000)));
        var at = elapsed();
        var pid = plant.pid();
        plant.kill();
        kills++;
        say("kill -9 of the plant (pid " + pid + ")");
        plant.start(extra);
        var took = awaitHealthy("restart after kill -9");
        var orphan = plant.logTail(10_000).contains("left by a plant that stopped without shutting down")
                ? "; it stopped the PostgreSQL the dead plant left running"
                : "";
        faults.add(new Fault(
                "kill -9 of the plant", at, "healthy again " + seconds(took) + " after the restart" + orphan));
        say("plant up in " + seconds(took) + orphan);
    }

    /** SIGINT to the postmaster (a fast shutdown); the plant starts it again by itself. */
    void stopPostgres() throws InterruptedException {
        runFor(Duration.ofSeconds(10));
        var at = elapsed();
        long pid = postmasterPid().orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        signal("INT", pid);
        say("kill -INT of PostgreSQL (pid " + pid + ")");
        awaitExit(pid);
        var took = plant.awaitDatabaseAnswers(options.restartLimit());
        if (took == null) {
            helped++;
            faults.add(new Fault(
                    "stop of PostgreSQL",
                    at,
                    "the plant did not answer again within " + seconds(options.restartLimit())));
            throw new IllegalStateException("The plant did not get its database back:\n" + plant.logTail(40));
        }
        faults.add(new Fault(
                "stop of PostgreSQL",
                at,
                "the plant answered again " + seconds(took) + " after PostgreSQL stopped (started again as pid "
                        + postmasterPid().map(String::valueOf).orElse("?") + ")"));
        say("plant answers again after " + seconds(took));
    }

    /** Stops the broker, keeps it down {@code brokerDown} while the line goes on, and starts it again. */
    void stopBroker() throws InterruptedException, SQLException {
        runFor(Duration.ofSeconds(10));
        var at = elapsed();
        var down = Instant.now();
        kafka.close();
        say("broker stopped");
        TimeUnit.MILLISECONDS.sleep(options.brokerDown().toMillis());
        long restarting = System.nanoTime();
        kafka = EmbeddedKafkaServer.durable(kafkaDir);
        var up = Instant.now();
        var restart = Duration.ofNanos(System.nanoTime() - restarting);
        long scansWhileDown = count(
                "select count(*) from tracking.scan where verdict = 'ACCEPTED' and scanned_at between ? and ?",
                down,
                up);
        long drainStarted = System.nanoTime();
        long backlog = unpublishedBefore(up);
        while (unpublishedBefore(up) > 0) {
            if (System.nanoTime() - drainStarted > options.restartLimit().toNanos()) {
                throw new IllegalStateException("The outbox backlog did not drain after the broker returned");
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        var drained = Duration.ofNanos(System.nanoTime() - drainStarted);
        faults.add(new Fault(
                "stop of the broker",
                at,
                "down " + seconds(Duration.between(down, up)) + " (its start took " + seconds(restart) + "); "
                        + scansWhileDown + " scans accepted meanwhile; " + backlog
                        + " events waiting in the outboxes, published " + seconds(drained) + " after it was back"));
        say("broker back; " + backlog + " events waiting, published in " + seconds(drained));
    }

    /** Stops the plant (SIGTERM), starts it without the simulator and reconciles once the backlog has drained. */
    Reconciliation settle() throws InterruptedException, SQLException {
        plant.stop(Duration.ofSeconds(60));
        say("plant stopped; starting it without the simulator to let the backlog drain");
        plant.start("--linetrace.simulator.enabled=false");
        var took = awaitHealthy("restart without the simulator");
        say("plant up in " + seconds(took));
        return drain();
    }

    /**
     * Reconciles once the consumers have caught up: when the reconciliation balances, or when it has not changed
     * for a while (then what is missing is lost).
     */
    Reconciliation drain() throws InterruptedException, SQLException {
        long started = System.nanoTime();
        var last = Reconciliation.settle(this::connection, SETTLE_LIMIT, UNCHANGED_FOR);
        say((last.balanced() ? "reconciled" : "still not reconciled") + " "
                + seconds(Duration.ofNanos(System.nanoTime() - started)) + " after the plant was up");
        return last;
    }

    /** Reconciles what is in the plant's database now. */
    Reconciliation reconcile() throws SQLException {
        return Reconciliation.of(this::connection);
    }

    /**
     * A connection to the plant's PostgreSQL as its superuser, with the password the plant keeps in its data
     * directory (this run is the same user): a verifier reads every schema.
     */
    Connection connection() throws SQLException {
        try {
            var port = Files.readString(dataDir.resolve("postgres.port")).strip();
            var password = KeptSecret.read(KeptSecret.fileFor(dataDir.resolve("postgres")))
                    .orElseThrow(() -> new SQLException("The plant has not made its database password yet"));
            return DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
        } catch (IOException e) {
            throw new SQLException("The plant's PostgreSQL port is not known yet", e);
        }
    }

    int kills() {
        return kills;
    }

    int restartsThatNeededHelp() {
        return helped;
    }

    List<Fault> faults() {
        return List.copyOf(faults);
    }

    void print(Reconciliation r) {
        out.println();
        out.println("Faults");
        out.println("| at | fault | what it took |");
        out.println("|---|---|---|");
        for (var fault : faults) {
            out.printf("| %s | %s | %s |%n", seconds(fault.at()), fault.what(), fault.outcome());
        }
        out.println();
        out.println("Reconciliation");
        out.println("| figure | count |");
        out.println("|---|---:|");
        row("kills (kill -9 of the plant)", kills);
        row("restarts that needed help", helped);
        r.printRows(out);
        out.println();
        out.println(r.balanced() && helped == 0 ? "Nothing lost, nothing doubled." : "NOT BALANCED.");
    }

    private void row(String figure, long count) {
        out.printf("| %s | %d |%n", figure, count);
    }

    /**
     * A restart not healthy within the limit gets the help a person would give: the plant's process and any
     * PostgreSQL on its data directory are stopped, and the command is run again.
     */
    private Duration awaitHealthy(String what) throws InterruptedException {
        var took = plant.awaitHealthy(options.restartLimit());
        if (took != null) {
            return took;
        }
        helped++;
        say(what + " NEEDED HELP: not healthy within " + seconds(options.restartLimit()) + "; log " + plant.logFile()
                + ":\n" + plant.logTail(30));
        if (plant.alive()) {
            plant.kill();
        }
        stopPostgresLeftBehind();
        plant.start();
        took = plant.awaitHealthy(options.restartLimit());
        if (took == null) {
            throw new IllegalStateException(what + " failed even with help:\n" + plant.logTail(40));
        }
        return took;
    }

    private void awaitUnitEvents() throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + options.restartLimit().toNanos();
        while (count("select count(*) from trace.unit_event") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The simulator recorded nothing:\n" + plant.logTail(40));
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /** Lets the line run; stops early if the plant died by itself. */
    private void runFor(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            if (!plant.alive()) {
                throw new IllegalStateException("The plant stopped by itself:\n" + plant.logTail(40));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private long unpublishedBefore(Instant moment) throws SQLException {
        return count("select count(*) from tracking.outbox where published_at is null and created_at < ?", moment)
                + count(
                        "select count(*) from provisioning.outbox where published_at is null and created_at < ?",
                        moment);
    }

    private long count(String sql, Instant... moments) throws SQLException {
        try (var connection = connection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < moments.length; i++) {
                statement.setTimestamp(i + 1, Timestamp.from(moments[i]));
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            var lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void stopPostgresLeftBehind() throws InterruptedException {
        var pid = postmasterPid().flatMap(ProcessHandle::of);
        if (pid.isEmpty()) {
            return;
        }
        signal("INT", pid.get().pid());
        if (!awaitExit(pid.get().pid())) {
            pid.get().destroyForcibly();
        }
    }

    private static boolean awaitExit(long pid) throws InterruptedException {
        var process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Java signals only TERM and KILL; a fast shutdown of PostgreSQL is SIGINT. */
    private static void signal(String signal, long pid) throws InterruptedException {
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .inheritIO()
                    .start();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal process " + pid, e);
        }
    }

    /** Stops the plant, the PostgreSQL it may have left and the broker; removes the data unless kept. */
    @Override
    public void close() {
        try {
            if (plant.alive()) {
                plant.kill();
            }
            stopPostgresLeftBehind();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kafka.close();
            if (options.keepData()) {
                say("data and logs kept in " + root);
            } else {
                delete(root);
            }
        }
    }

    private void say(String line) {
        out.printf("[%s] %s%n", seconds(elapsed()), line);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker in this process logs at INFO by default; only its warnings matter here. */
    static void quietLogs() {
        var logging = LoggingSystem.get(FaultRun.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(null, LogLevel.WARN);
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
