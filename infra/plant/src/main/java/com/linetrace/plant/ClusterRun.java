package com.linetrace.plant;

import com.linetrace.audit.verifier.NoteSigner;
import com.linetrace.contracts.Topics;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.embedded.KafkaCluster;
import com.linetrace.simulator.DemoProvisioningKeys;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * The cluster run: a three-node KRaft cluster ({@link KafkaCluster}, each node a process of its own), PostgreSQL
 * embedded in this process (durable, under a temporary directory), and two instances of each service (identity,
 * tracking, provisioning, trace, deadletter, metrics, audit), each instance {@code java -jar} of the service's launcher in a JVM of its
 * own on loopback, all sharing that database (each service its own schema) and cluster, with topics of replication
 * factor 3 and {@code min.insync.replicas} 2. The demo line's stations ({@link ClusterLoad}) drive tracking and
 * provisioning over HTTP, units spread over the instances. Mid-run it kills ({@code kill -9}) one instance of each
 * service and, later, the broker leading the unit events' first partition; it measures how long the consumer groups
 * take to hand the dead instances' partitions to the live ones and the partitions take to get new leaders, starts
 * them again, measures the way back, and reconciles as the fault run does. Run it from the plant jar (which holds
 * {@link com.linetrace.embedded.KafkaNode}) after building the launchers:
 *
 * <pre>java -Dloader.main=com.linetrace.plant.ClusterRun -jar infra/plant/target/linetrace-plant.jar</pre>
 *
 * Options (defaults): {@code --instances=2 --workers=4 --warm-up=20s --window=60s --partitions=3
 * --restart-limit=300s --jar=<the jar this runs from> --launchers=<the repository the jar was built in>
 * --keep-data=false}. It exits 1 when anything was lost or doubled or a group did not rebalance, and 2 when the run
 * itself could not be done.
 */
public final class ClusterRun implements AutoCloseable {

    private static final int BROKERS = 3;
    /** Identity first: every launcher signs callers in against its tables, which its first instance creates. */
    static final List<String> SERVICES =
            List.of("identity", "tracking", "provisioning", "trace", "deadletter", "metrics", "audit");

    private static final List<String> TOPICS =
            List.of(Topics.UNIT_EVENTS, Topics.PROVISIONING_EVENTS, Topics.EQUIPMENT_RESULTS);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    private static final Duration UNCHANGED_FOR = Duration.ofSeconds(60);
    /** Ten service JVMs share the machine: a capped heap and the serial collector each. */
    private static final List<String> INSTANCE_JVM = List.of("-Xmx448m", "-XX:+UseSerialGC");

    private final Options options;
    private final PrintStream out;
    private final Path root;
    private final long startedAt = System.nanoTime();
    private final EmbeddedPostgresServer postgres;
    private final KafkaCluster cluster;
    private final TokenKeys tokenKeys;
    private final @Nullable Process[] brokers = new Process[BROKERS];
    /** Each service's instances, {@code <service>-1}, {@code <service>-2}, …, in {@link #SERVICES} order. */
    private final Map<String, List<PlantProcess>> instances = new LinkedHashMap<>();

    private final DemoProvisioningKeys keys = DemoProvisioningKeys.generate();
    /**
     * The ledger's checkpoint key, one for both audit instances (a log signed with two keys would not verify), in a
     * file of the run's directory readable by its owner only, so that it is not on a command line.
     */
    private final Path ledgerKey;

    private final List<FaultRun.Fault> faults = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private final List<String> groupViews = new ArrayList<>();
    private @Nullable Admin admin;
    private @Nullable ClusterLoad load;
    private boolean rebalanceFailed;
    /** Instances killed on purpose and not started again yet. */
    private final Set<PlantProcess> killed = new HashSet<>();

    /**
     * What a run does.
     *
     * @param jar the plant jar: each Kafka node is started from it
     * @param launchers the repository whose {@code services/<service>/launcher/target/} hold the launchers' jars
     * @param instances how many instances of each service
     * @param workers stations walking units at once (each one unit at a time, as fast as the answers come)
     * @param warmUp load before the first measurement
     * @param window how long the first measurement lasts (the later ones last half as long)
     * @param partitions partitions of each topic the services declare
     * @param restartLimit an instance or broker not up by then fails the run
     * @param keepData keep the data directory and logs after the run
     */
    record Options(
            Path jar,
            Path launchers,
            int instances,
            int workers,
            Duration warmUp,
            Duration window,
            int partitions,
            Duration restartLimit,
            boolean keepData) {

        static Options parse(String... args) {
            var jar = runningJar();
            int instances = 2;
            int workers = 4;
            var warmUp = Duration.ofSeconds(20);
            var window = Duration.ofSeconds(60);
            int partitions = 3;
            var restartLimit = Duration.ofSeconds(300);
            boolean keepData = false;
            Path launchers = null;
            for (var arg : args) {
                int eq = arg.indexOf('=');
                var name = eq < 0 ? arg : arg.substring(0, eq);
                var value = eq < 0 ? "true" : arg.substring(eq + 1);
                switch (name) {
                    case "--jar" -> jar = Path.of(value).toAbsolutePath();
                    case "--launchers" -> launchers = Path.of(value).toAbsolutePath();
                    case "--instances" -> instances = Integer.parseInt(value);
                    case "--workers" -> workers = Integer.parseInt(value);
                    case "--warm-up" -> warmUp = seconds(value);
                    case "--window" -> window = seconds(value);
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--restart-limit" -> restartLimit = seconds(value);
                    case "--keep-data" -> keepData = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            if (jar == null) {
                throw new IllegalArgumentException("Name the plant jar with --jar=<path>");
            }
            if (instances < 2 || workers < 1 || partitions < 1) {
                throw new IllegalArgumentException("--instances is at least 2, --workers and --partitions at least 1");
            }
            if (launchers == null) {
                // infra/plant/target/linetrace-plant.jar: the repository is three folders up.
                var target = jar.getParent();
                var up = target == null ? null : target.getParent();
                up = up == null ? null : up.getParent();
                up = up == null ? null : up.getParent();
                if (up == null) {
                    throw new IllegalArgumentException(
                            "Name the repository with the launchers with --launchers=<path>");
                }
                launchers = up;
            }
            return new Options(jar, launchers, instances, workers, warmUp, window, partitions, restartLimit, keepData);
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

    ClusterRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        try {
            root = Files.createTempDirectory("linetrace-cluster-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the cluster run's directory", e);
        }
        postgres = EmbeddedPostgresServer.durable(root.resolve("postgres"));
        cluster = KafkaCluster.in(root.resolve("kafka"), BROKERS);
        tokenKeys = TokenKeys.writeTo(root);
        ledgerKey = writeLedgerKey(root);
        say("data in " + root + "; PostgreSQL at " + postgres.jdbcUrl() + "; Kafka cluster " + cluster.clusterId()
                + " at " + cluster.bootstrapServers());
    }

    public static void main(String[] args) {
        FaultRun.quietLogs();
        var options = Options.parse(args);
        int status;
        try (var run = new ClusterRun(options, System.out)) {
            status = run.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    /** The run, step by step: 0 when it balanced and every group rebalanced, 1 otherwise, 2 when it broke off. */
    int run() {
        try {
            startBrokers();
            startInstances();
            startLoad();
            runFor(options.warmUp());
            showGroups("before the kills");
            measure("all instances, three brokers", options.window());
            int last = options.instances() - 1;
            killInstances(last);
            showGroups("after kill -9 of one instance of each service");
            measure(
                    "one instance of each service fewer, three brokers",
                    options.window().dividedBy(2));
            int victim = killBroker();
            measure(
                    "one instance of each service fewer, two brokers",
                    options.window().dividedBy(2));
            restartBroker(victim);
            restartInstances(last);
            showGroups("after the killed instances and broker " + victim + " came back");
            measure("all instances again, three brokers", options.window().dividedBy(2));
            var reconciliation = settle();
            print(reconciliation);
            return reconciliation.balanced() && !rebalanceFailed ? 0 : 1;
        } catch (Exception e) {
            // Before the processes are stopped: what broke the run comes first in its output.
            e.printStackTrace(out);
            return 2;
        }
    }

    /** Starts the three nodes together (none is ready before a majority of the quorum runs). */
    void startBrokers() throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        for (int id = 1; id <= BROKERS; id++) {
            brokers[id - 1] = cluster.start(id, KafkaCluster.fromJar(options.jar()));
        }
        cluster.awaitBrokers(BROKERS, options.restartLimit());
        admin = newAdmin();
        say(BROKERS + " brokers up in " + seconds(since(started)) + " (pids "
                + Stream.of(brokers)
                        .map(p -> String.valueOf(p == null ? "?" : p.pid()))
                        .collect(Collectors.joining(", "))
                + ")");
    }

    /**
     * Starts the instances one after the other, the first of each service first (identity's first creates the users
     * every launcher signs callers in with; tracking's first loads the demo line).
     */
    void startInstances() throws InterruptedException {
        for (var service : SERVICES) {
            var list = new ArrayList<PlantProcess>();
            for (int i = 0; i < options.instances(); i++) {
                list.add(new PlantProcess(
                        launcherJar(service),
                        root.resolve(name(service, i)),
                        freePort(),
                        INSTANCE_JVM,
                        instanceArguments(service, i),
                        // Off the command line, which every user of the machine can read.
                        Map.of("spring.datasource.password", postgres.password())));
            }
            instances.put(service, list);
        }
        // One at a time: on a machine of two cores, five JVMs starting together each took three minutes.
        for (int i = 0; i < options.instances(); i++) {
            for (var service : SERVICES) {
                start(service, i);
                awaitUp(service, i, "first start");
            }
        }
    }

    private void start(String service, int i) {
        instances.get(service).get(i).start();
    }

    private Duration awaitUp(String service, int i, String what) throws InterruptedException {
        var instance = instances.get(service).get(i);
        awaitHealthy(instance, name(service, i) + " " + what);
        // From its own start: the instances of a round start together and are waited for in turn.
        var took = instance.sinceStart();
        say(name(service, i) + " healthy " + seconds(took) + " after its start (pid " + instance.pid() + ", port "
                + instance.port() + ")");
        return took;
    }

    private Path launcherJar(String service) {
        var target = options.launchers()
                .resolve("services")
                .resolve(service)
                .resolve("launcher")
                .resolve("target");
        var jar = target.resolve("linetrace-" + service + "-launcher-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No launcher jar " + jar + ": build the launchers first (see" + " docs/cluster-run.md)");
        }
        return jar;
    }

    private List<String> instanceArguments(String service, int i) {
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                // Fourteen processes share one PostgreSQL (100 connections by default).
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                // Consumer group members are told apart by their client id: tracking-1-0, tracking-1-1, …
                "--spring.kafka.client-id=" + name(service, i),
                "--linetrace.messaging.replicas=" + BROKERS,
                "--linetrace.messaging.partitions=" + options.partitions()));
        arguments.add("--linetrace.security.token.public-key=" + tokenKeys.publicKey());
        switch (service) {
            case "identity" ->
                arguments.addAll(List.of(
                        "--linetrace.identity.token.signing-key=" + tokenKeys.signingKey(),
                        "--linetrace.identity.demo-users=true",
                        // The demo line's flash fixture and key station, their ids as their secrets.
                        "--linetrace.identity.demo-equipment=FIX-FW-1,KEY-1"));
            // Signed decisions have identity check the signer's password; its first instance answers for both.
            case "tracking" ->
                arguments.addAll(List.of(
                        "--linetrace.tracking.demo-data=true",
                        "--linetrace.tracking.identity-url=" + bases("identity").getFirst()));
            case "provisioning" ->
                arguments.addAll(List.of(
                        "--linetrace.provisioning.trusted-release-keys[0]=" + keys.releasePublicKeyPem(),
                        "--linetrace.provisioning.plant-ca-certificate=" + keys.caCertificatePem(),
                        "--linetrace.provisioning.identity-url="
                                + bases("identity").getFirst()));
            case "audit" -> arguments.add("--linetrace.audit.signing-key-file=" + ledgerKey);
            default -> {}
        }
        return arguments;
    }

    private static Path writeLedgerKey(Path directory) {
        try {
            var file = Files.createFile(
                    directory.resolve("audit-signing-key"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.writeString(
                    file, NoteSigner.generate("linetrace/CA1/audit").signerKey(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the cluster run's ledger key", e);
        }
    }

    void startLoad() {
        var tracking = bases("tracking");
        var provisioning = bases("provisioning");
        load = new ClusterLoad(bases("identity"), tracking, provisioning, keys, options.workers());
        load.start(provisioning.getFirst());
        say(options.workers() + " stations walking units over " + tracking.size() + " tracking and "
                + provisioning.size() + " provisioning instances");
    }

    private List<URI> bases(String service) {
        return instances.get(service).stream()
                .map(i -> URI.create("http://127.0.0.1:" + i.port()))
                .toList();
    }

    /** Measures a window of {@code duration} under load. */
    void measure(String label, Duration duration) throws Exception {
        var first = sample();
        runFor(duration);
        var last = sample();
        var window = Window.between(label, first, last);
        windows.add(window);
        say(String.format(
                Locale.ROOT,
                "%s: %.1f unit events/s, %.2f units packed/s",
                label,
                window.produced(Topics.UNIT_EVENTS),
                window.unitsPacked()));
    }

    /**
     * {@code kill -9} of instance {@code index} of every service, one right after the other; waits until every
     * consumer group they were members of has handed their partitions to the members left.
     */
    void killInstances(int index) throws Exception {
        var before = describeGroups();
        var at = elapsed();
        var names = new ArrayList<String>();
        long killedAt = System.nanoTime();
        for (var service : SERVICES) {
            var instance = instances.get(service).get(index);
            var pid = instance.pid();
            killed.add(instance);
            instance.kill();
            names.add(name(service, index));
            say("kill -9 of " + name(service, index) + " (pid " + pid + ")");
        }
        var times = awaitGroups(groups -> handedOver(before, groups, names), killedAt);
        faults.add(new FaultRun.Fault(
                "kill -9 of " + String.join(", ", names),
                at,
                "each group's partitions held by the instances left: " + times));
        say("rebalanced: " + times);
    }

    /**
     * Starts instance {@code index} of every service again, one after the other; waits until each is healthy and in
     * its groups again.
     */
    void restartInstances(int index) throws Exception {
        var at = elapsed();
        var names = new ArrayList<String>();
        var healthy = new ArrayList<String>();
        for (var service : SERVICES) {
            var instance = instances.get(service).get(index);
            instance.start();
            killed.remove(instance);
            names.add(name(service, index));
            healthy.add(name(service, index) + " " + seconds(awaitUp(service, index, "restart")));
        }
        // A listener joins its groups while its process starts: what is left to wait for once all are healthy.
        var times = awaitGroups(groups -> joined(groups, names), System.nanoTime());
        faults.add(new FaultRun.Fault(
                "start of " + String.join(", ", names) + " again",
                at,
                "healthy, counted from each one's start: " + String.join(", ", healthy)
                        + "; each group's partitions shared with them, counted from when the last was healthy: "
                        + times));
        say("back: groups " + times);
    }

    /**
     * {@code kill -9} of the broker leading the unit events' first partition; waits until every partition of the
     * services' topics has a leader among the brokers left and the events waiting in the outboxes are published.
     */
    int killBroker() throws Exception {
        int victim = topics().get(Topics.UNIT_EVENTS)
                .partitions()
                .getFirst()
                .leader()
                .id();
        var at = elapsed();
        var process = broker(victim);
        var pid = process.pid();
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        var moment = Instant.now();
        say("kill -9 of broker " + victim + " (pid " + pid + ")");
        var leaders = await(
                () -> topicsOrEmpty().values().stream()
                        .flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.leader() != null
                                && !p.leader().isEmpty()
                                && p.leader().id() != victim),
                killed);
        long backlog = unpublishedBefore(moment);
        var drained = await(() -> unpublishedBefore(moment) == 0, killed);
        faults.add(new FaultRun.Fault(
                "kill -9 of broker " + victim,
                at,
                "every partition led by a live broker " + seconds(leaders) + " after; " + backlog
                        + " events waiting in the outboxes then, all published " + seconds(drained) + " after"));
        say("partitions led by live brokers after " + seconds(leaders) + "; outboxes published after "
                + seconds(drained));
        return victim;
    }

    /** Starts broker {@code id} again; waits until every partition has all three replicas in sync again. */
    void restartBroker(int id) throws Exception {
        var at = elapsed();
        long started = System.nanoTime();
        brokers[id - 1] = cluster.start(id, KafkaCluster.fromJar(options.jar()));
        cluster.awaitBrokers(BROKERS, options.restartLimit());
        var up = since(started);
        var inSync = await(
                () -> {
                    var topics = topicsOrEmpty();
                    return !topics.isEmpty()
                            && topics.values().stream()
                                    .flatMap(t -> t.partitions().stream())
                                    .allMatch(p -> p.isr().size() == BROKERS);
                },
                started);
        faults.add(new FaultRun.Fault(
                "start of broker " + id + " again",
                at,
                "registered " + seconds(up) + " after its start; every partition " + BROKERS + " replicas in sync "
                        + seconds(inSync) + " after"));
        say("broker " + id + " back in " + seconds(up) + ", in sync after " + seconds(inSync));
    }

    /** Stops the stations and reconciles once the consumers have caught up. */
    Reconciliation settle() throws InterruptedException, SQLException {
        load().stop();
        say("stations stopped: " + load().packed() + " units packed, " + load().refused() + " refused, "
                + load().failovers() + " requests sent on to another instance, " + load().leftAfterFailover()
                + " units left after a retried request was refused");
        long started = System.nanoTime();
        var reconciliation = Reconciliation.settle(this::connection, SETTLE_LIMIT, UNCHANGED_FOR);
        say((reconciliation.balanced() ? "reconciled" : "still not reconciled") + " " + seconds(since(started))
                + " after the stations stopped");
        return reconciliation;
    }

    void showGroups(String moment) throws Exception {
        var text = new StringBuilder("Consumer groups " + moment + "\n\n| group | state | member | partitions |\n")
                .append("|---|---|---|---|\n");
        for (var group : new TreeMap<>(describeGroups()).values()) {
            var members = group.members().stream()
                    .sorted(Comparator.comparing(m -> m.clientId()))
                    .toList();
            if (members.isEmpty()) {
                text.append(String.format("| %s | %s | (none) | |%n", group.groupId(), group.groupState()));
            }
            for (var member : members) {
                text.append(String.format(
                        "| %s | %s | %s | %s |%n",
                        group.groupId(),
                        group.groupState(),
                        member.clientId(),
                        partitions(member.assignment().topicPartitions())));
            }
        }
        groupViews.add(text.toString());
        say("groups " + moment + ":\n" + text);
    }

    void print(Reconciliation r) {
        out.println();
        out.println("Faults");
        out.println("| at | fault | what it took |");
        out.println("|---|---|---|");
        for (var fault : faults) {
            out.printf("| %s | %s | %s |%n", seconds(fault.at()), fault.what(), fault.outcome());
        }
        for (var view : groupViews) {
            out.println();
            out.print(view);
        }
        for (var window : windows) {
            out.println();
            window.print(out, names());
        }
        out.println();
        out.println("Reconciliation");
        out.println("| figure | count |");
        out.println("|---|---:|");
        out.printf("| units packed | %d |%n", load().packed());
        out.printf("| requests sent on to another instance | %d |%n", load().failovers());
        out.printf("| units left after a retried request was refused | %d |%n", load().leftAfterFailover());
        out.printf("| units refused otherwise | %d |%n", load().refused());
        r.printRows(out);
        out.println();
        out.println(
                r.balanced() && !rebalanceFailed
                        ? "Nothing lost, nothing doubled, every group rebalanced."
                        : "NOT BALANCED.");
    }

    // --- consumer groups -------------------------------------------------------------------------------------------

    private Map<String, ConsumerGroupDescription> describeGroups() throws Exception {
        var names = admin().listGroups().all().get(20, TimeUnit.SECONDS).stream()
                .map(g -> g.groupId())
                .filter(id -> id.startsWith("linetrace-"))
                .toList();
        return admin().describeConsumerGroups(names).all().get(20, TimeUnit.SECONDS);
    }

    /** The groups one of {@code names} was in: none of their members left, every partition held before held again. */
    private static Map<String, Boolean> handedOver(
            Map<String, ConsumerGroupDescription> before,
            Map<String, ConsumerGroupDescription> now,
            List<String> names) {
        var done = new HashMap<String, Boolean>();
        before.forEach((id, was) -> {
            if (was.members().stream().noneMatch(m -> isOf(m.clientId(), names))) {
                return;
            }
            var is = now.get(id);
            done.put(
                    id,
                    is != null
                            && is.groupState() == GroupState.STABLE
                            && is.members().stream().noneMatch(m -> isOf(m.clientId(), names))
                            && assigned(is).equals(assigned(was)));
        });
        return done;
    }

    /** The groups with two partitions or more: one of {@code names} holds some of each again. */
    private static Map<String, Boolean> joined(Map<String, ConsumerGroupDescription> now, List<String> names) {
        var done = new HashMap<String, Boolean>();
        now.forEach((id, is) -> {
            var all = assigned(is);
            if (all.size() < 2) {
                return;
            }
            done.put(
                    id,
                    is.groupState() == GroupState.STABLE
                            && is.members().stream()
                                    .anyMatch(m -> isOf(m.clientId(), names)
                                            && !m.assignment().topicPartitions().isEmpty()));
        });
        return done;
    }

    /** Polls the groups until {@code check} says each is done; how long each took from {@code since}. */
    private String awaitGroups(Function<Map<String, ConsumerGroupDescription>, Map<String, Boolean>> check, long since)
            throws Exception {
        var took = new TreeMap<String, Duration>();
        Set<String> pending = null;
        // From now, not from since: the restarts before this wait may have taken longer than the limit together.
        long deadline = System.nanoTime() + options.restartLimit().toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, ConsumerGroupDescription> groups;
            try {
                groups = describeGroups();
            } catch (ExecutionException | TimeoutException e) {
                // As with a sample: a loaded machine or a client still asking a broker that was away; the deadline
                // bounds the retries. (A run at load 25 broke off here, after every instance was back.)
                say("describing the groups timed out (" + e + "): again with a new admin client");
                admin().close(Duration.ofSeconds(1));
                admin = newAdmin();
                continue;
            }
            var state = check.apply(groups);
            if (pending == null) {
                pending = new HashSet<>(state.keySet());
            }
            for (var entry : state.entrySet()) {
                if (entry.getValue() && pending.remove(entry.getKey())) {
                    took.put(entry.getKey(), since(since));
                }
            }
            if (pending.isEmpty() && !state.isEmpty()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        if (pending == null || !pending.isEmpty()) {
            rebalanceFailed = true;
        }
        var text = took.entrySet().stream()
                .map(e -> e.getKey() + " " + seconds(e.getValue()))
                .collect(Collectors.joining(", "));
        return pending == null || pending.isEmpty() ? text : text + "; NOT REBALANCED: " + pending;
    }

    private static boolean isOf(String clientId, String name) {
        return clientId.equals(name) || clientId.startsWith(name + "-");
    }

    private static boolean isOf(String clientId, List<String> names) {
        return names.stream().anyMatch(name -> isOf(clientId, name));
    }

    private static Set<TopicPartition> assigned(ConsumerGroupDescription group) {
        return group.members().stream()
                .flatMap(m -> m.assignment().topicPartitions().stream())
                .collect(Collectors.toSet());
    }

    private static String partitions(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                .map(tp -> tp.topic().replaceFirst("^linetrace\\.", "") + "-" + tp.partition())
                .collect(Collectors.joining(", "));
    }

    // --- measurements ----------------------------------------------------------------------------------------------

    /** Offsets, group members and the stations' counts at one moment. */
    private record Sample(
            long nanos,
            Map<TopicPartition, Long> ends,
            Map<String, Map<TopicPartition, Long>> committed,
            Map<String, Map<TopicPartition, String>> holders,
            Map<String, Long> answered,
            int packed) {}

    /**
     * A sample; after a broker was killed the admin client may keep asking the dead broker until its metadata is
     * renewed, so a sample that times out is taken again with a new client.
     */
    private Sample sample() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return sampleOnce();
            } catch (ExecutionException | TimeoutException e) {
                if (attempt == 5) {
                    throw e;
                }
                say("a sample timed out (" + e + "): again with a new admin client");
                admin().close(Duration.ofSeconds(1));
                admin = newAdmin();
            }
        }
    }

    private Sample sampleOnce() throws Exception {
        var partitions = topics().values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        var ends = new HashMap<TopicPartition, Long>();
        admin().listOffsets(partitions)
                .all()
                .get(20, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        var committed = new HashMap<String, Map<TopicPartition, Long>>();
        var holders = new HashMap<String, Map<TopicPartition, String>>();
        for (var group : describeGroups().values()) {
            var offsets = new HashMap<TopicPartition, Long>();
            admin().listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get(20, TimeUnit.SECONDS)
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            offsets.put(tp, offset.offset());
                        }
                    });
            committed.put(group.groupId(), offsets);
            var held = new HashMap<TopicPartition, String>();
            for (var member : group.members()) {
                for (var tp : member.assignment().topicPartitions()) {
                    held.put(tp, instanceOf(member.clientId()));
                }
            }
            holders.put(group.groupId(), held);
        }
        var answered = new HashMap<String, Long>();
        for (int i = 0; i < options.instances(); i++) {
            answered.put(name("tracking", i), load().trackingAnswered(i));
            answered.put(name("provisioning", i), load().provisioningAnswered(i));
        }
        return new Sample(System.nanoTime(), ends, committed, holders, answered, load().packed());
    }

    private String instanceOf(String clientId) {
        return names().stream().filter(name -> isOf(clientId, name)).findFirst().orElse(clientId);
    }

    /** Every instance's name, service by service. */
    private List<String> names() {
        var names = new ArrayList<String>();
        for (var service : SERVICES) {
            for (int i = 0; i < options.instances(); i++) {
                names.add(name(service, i));
            }
        }
        return names;
    }

    /**
     * What a window measured: records produced per partition, records each group consumed per partition (and who
     * held it at the window's end), requests each instance answered, units packed.
     */
    record Window(
            String label,
            double seconds,
            Map<TopicPartition, Double> produced,
            Map<String, Map<TopicPartition, Double>> consumed,
            Map<String, Map<TopicPartition, String>> holders,
            Map<String, Double> answered,
            double unitsPacked) {

        static Window between(String label, Sample first, Sample last) {
            double seconds = (last.nanos() - first.nanos()) / 1e9;
            var produced = new TreeMap<TopicPartition, Double>(PARTITION_ORDER);
            last.ends()
                    .forEach((tp, end) -> produced.put(tp, (end - first.ends().getOrDefault(tp, end)) / seconds));
            var consumed = new TreeMap<String, Map<TopicPartition, Double>>();
            last.committed().forEach((group, offsets) -> {
                var before = first.committed().getOrDefault(group, Map.of());
                var rates = new TreeMap<TopicPartition, Double>(PARTITION_ORDER);
                offsets.forEach((tp, offset) -> rates.put(tp, (offset - before.getOrDefault(tp, offset)) / seconds));
                consumed.put(group, rates);
            });
            var answered = new HashMap<String, Double>();
            last.answered()
                    .forEach((name, count) ->
                            answered.put(name, (count - first.answered().getOrDefault(name, count)) / seconds));
            return new Window(
                    label,
                    seconds,
                    produced,
                    consumed,
                    last.holders(),
                    answered,
                    (last.packed() - first.packed()) / seconds);
        }

        double produced(String topic) {
            return produced.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }

        void print(PrintStream out, List<String> names) {
            out.printf(Locale.ROOT, "Window: %s (%.1f s), %.2f units packed/s%n%n", label, seconds, unitsPacked);
            out.println("| instance | HTTP requests answered/s | records consumed/s (all groups) | partitions held |");
            out.println("|---|---:|---:|---|");
            for (var name : names) {
                double records = 0;
                var held = new ArrayList<String>();
                for (var group : consumed.entrySet()) {
                    var holding = holders.getOrDefault(group.getKey(), Map.of());
                    for (var rate : group.getValue().entrySet()) {
                        if (name.equals(holding.get(rate.getKey()))) {
                            records += rate.getValue();
                            held.add(group.getKey().replaceFirst("^linetrace-", "") + ":"
                                    + rate.getKey().topic().replaceFirst("^linetrace\\.", "") + "-"
                                    + rate.getKey().partition());
                        }
                    }
                }
                out.printf(
                        Locale.ROOT,
                        "| %s | %s | %.1f | %d: %s |%n",
                        name,
                        answered.containsKey(name) ? String.format(Locale.ROOT, "%.1f", answered.get(name)) : "",
                        records,
                        held.size(),
                        String.join(" ", held));
            }
            out.println();
            out.println("| partition | records produced/s | consumed/s by group (held by) |");
            out.println("|---|---:|---|");
            for (var entry : produced.entrySet()) {
                var tp = entry.getKey();
                var readers = consumed.entrySet().stream()
                        .filter(g -> g.getValue().containsKey(tp))
                        .map(g -> String.format(
                                Locale.ROOT,
                                "%s %.1f (%s)",
                                g.getKey(),
                                g.getValue().get(tp),
                                holders.getOrDefault(g.getKey(), Map.of()).getOrDefault(tp, "nobody")))
                        .collect(Collectors.joining("; "));
                out.printf(
                        Locale.ROOT, "| %s-%d | %.1f | %s |%n", tp.topic(), tp.partition(), entry.getValue(), readers);
            }
        }
    }

    private static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition);

    // --- plumbing ----------------------------------------------------------------------------------------------------

    private Map<String, TopicDescription> topics() throws Exception {
        return admin().describeTopics(TOPICS).allTopicNames().get(20, TimeUnit.SECONDS);
    }

    private Map<String, TopicDescription> topicsOrEmpty() {
        try {
            return topics();
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Polls {@code done} until it holds (for at most the restart limit from now): how long since {@code since}. */
    private Duration await(ThrowingCondition done, long since) throws InterruptedException {
        long deadline = System.nanoTime() + options.restartLimit().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (done.holds()) {
                    return since(since);
                }
            } catch (Exception e) {
                // Not yet: a broker away, a connection refused.
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("Not done within " + seconds(options.restartLimit()));
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }

    private Duration awaitHealthy(PlantProcess instance, String what) throws InterruptedException {
        var took = instance.awaitHealthy(options.restartLimit());
        if (took == null) {
            throw new IllegalStateException(what + ": not healthy within " + seconds(options.restartLimit()) + "; log "
                    + instance.logFile() + ":\n" + instance.logTail(40));
        }
        return took;
    }

    /** Lets the stations work; fails early if an instance or broker that should run died by itself. */
    void runFor(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            for (var instance :
                    instances.values().stream().flatMap(List::stream).toList()) {
                if (!instance.alive() && !killed.contains(instance)) {
                    throw new IllegalStateException("An instance stopped by itself:\n" + instance.logTail(40));
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private long unpublishedBefore(Instant moment) throws SQLException {
        try (var connection = connection();
                var statement = connection.prepareStatement("""
                        select (select count(*) from tracking.outbox where published_at is null and created_at < ?)
                             + (select count(*) from provisioning.outbox where published_at is null and created_at < ?)
                        """)) {
            statement.setTimestamp(1, Timestamp.from(moment));
            statement.setTimestamp(2, Timestamp.from(moment));
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private Process broker(int id) {
        var process = brokers[id - 1];
        if (process == null) {
            throw new IllegalStateException("Broker " + id + " was not started");
        }
        return process;
    }

    private Admin newAdmin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                // A dead broker's address is forgotten soon: metadata is asked for again after 2 s at most.
                AdminClientConfig.METADATA_MAX_AGE_CONFIG, 2_000));
    }

    private Admin admin() {
        if (admin == null) {
            throw new IllegalStateException("The brokers were not started");
        }
        return admin;
    }

    private ClusterLoad load() {
        if (load == null) {
            throw new IllegalStateException("The stations were not started");
        }
        return load;
    }

    static String name(String service, int index) {
        return service + "-" + (index + 1);
    }

    /** Stops the stations, the instances, the brokers and PostgreSQL; removes the data unless kept. */
    @Override
    public void close() {
        try {
            if (load != null) {
                load.stop();
                load.close();
            }
            // SIGTERM to all first, then wait for each: they shut down side by side.
            var running = instances.values().stream()
                    .flatMap(List::stream)
                    .filter(PlantProcess::alive)
                    .toList();
            for (var instance : running) {
                instance.terminate();
            }
            for (var instance : running) {
                instance.stop(Duration.ofSeconds(30));
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            for (var broker : brokers) {
                if (broker != null && broker.isAlive()) {
                    broker.destroy();
                    if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                        broker.destroyForcibly();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            postgres.close();
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
        return since(startedAt);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
