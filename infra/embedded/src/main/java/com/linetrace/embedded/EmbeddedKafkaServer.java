package com.linetrace.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka server in KRaft mode (combined broker and controller on loopback), started from Kafka's
 * own server artifacts the way {@code kafka-storage format} and {@code kafka-server-start} do. Its log, metadata and
 * cluster id live in its directory, so topics, records and committed offsets survive a restart and a crash. The
 * same recipe starts one node of a three-node cluster ({@link KafkaNode}).
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final @Nullable Path deleteOnClose;

    private EmbeddedKafkaServer(KafkaRaftServer server, String bootstrapServers, @Nullable Path deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * The plant's broker on {@code directory}, formatted on first start. Each write is flushed to disk before it is
     * acknowledged: one broker has no replica to fall back on after a power cut. Its ports are kept in the directory
     * and reused, so the controller keeps its address across restarts.
     */
    public static EmbeddedKafkaServer durable(Path directory) {
        return start(directory, true, null);
    }

    /** A broker in a new temporary directory, removed on {@link #close()}: for tests and the benchmark. */
    public static EmbeddedKafkaServer throwaway() {
        try {
            var directory = Files.createTempDirectory("linetrace-kafka-");
            return start(directory, false, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the embedded Kafka server", e);
        }
    }

    private static EmbeddedKafkaServer start(Path directory, boolean flushEachWrite, @Nullable Path deleteOnClose) {
        try {
            Files.createDirectories(directory);
            var ports = Ports.of(directory);
            var node = new Node(
                    directory,
                    NODE_ID,
                    null,
                    NODE_ID + "@127.0.0.1:" + ports.controller(),
                    ports.broker(),
                    ports.controller(),
                    1,
                    flushEachWrite);
            return start(node, deleteOnClose);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka server in " + directory, e);
        }
    }

    /**
     * One node of a KRaft cluster (combined broker and controller) on {@code node.directory()}, formatted on first
     * start with the cluster's id. Its start waits until a majority of the controller quorum is up, so the nodes of a
     * new cluster are started together, each in a process of its own ({@link KafkaNode}).
     */
    static EmbeddedKafkaServer node(Node node) {
        return start(node, null);
    }

    private static EmbeddedKafkaServer start(Node node, @Nullable Path deleteOnClose) {
        haltLoudly();
        var directory = node.directory();
        try {
            Files.createDirectories(directory);
            var logDir = directory.resolve("logs");
            var config = new KafkaConfig(properties(node, logDir), false);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                var clusterId = node.clusterId() != null
                        ? node.clusterId()
                        : Uuid.randomUuid().toString();
                log.info("Formatting a new Kafka log directory {} (cluster {}, node {})", logDir, clusterId, node.id());
                new Formatter()
                        .setNodeId(node.id())
                        .setClusterId(clusterId)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(config.metadataLogDir())
                        .addDirectory(logDir.toString())
                        .setPrintStream(System.out)
                        .run();
            }
            var server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
                var bootstrap = "127.0.0.1:" + node.brokerPort();
                awaitReady(bootstrap);
                return new EmbeddedKafkaServer(server, bootstrap, deleteOnClose);
            } catch (RuntimeException e) {
                server.shutdown();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka server in " + directory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka server in " + directory, e);
        }
    }

    /**
     * What one node is.
     *
     * @param directory its log, metadata and cluster id
     * @param id its node id, one of the voters
     * @param clusterId the id every node of the cluster is formatted with; null: a new one (a single node)
     * @param voters the controller quorum, {@code id@host:port,…}
     * @param brokerPort its client port
     * @param controllerPort its controller port, as the voters name it
     * @param replicas replication factor of Kafka's internal topics (offsets, transactions) and of topics created
     *     without one; {@code min.insync.replicas} is then 2 when there are 3 or more, so one node may be down
     * @param flushEachWrite flush each write before it is acknowledged: a single node has no replica to fall back on
     */
    record Node(
            Path directory,
            int id,
            @Nullable String clusterId,
            String voters,
            int brokerPort,
            int controllerPort,
            int replicas,
            boolean flushEachWrite) {

        int minInSyncReplicas() {
            return replicas >= 3 ? 2 : 1;
        }
    }

    private static Properties properties(Node node, Path logDir) {
        var replicas = String.valueOf(node.replicas());
        var minInSync = String.valueOf(node.minInSyncReplicas());
        var p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(node.id())),
                Map.entry("controller.quorum.voters", node.voters()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:" + node.brokerPort() + ",CONTROLLER://127.0.0.1:"
                                + node.controllerPort()),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.brokerPort()),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", replicas),
                Map.entry("min.insync.replicas", minInSync),
                Map.entry("offsets.topic.replication.factor", replicas),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", replicas),
                Map.entry("transaction.state.log.min.isr", minInSync),
                Map.entry("share.coordinator.state.topic.replication.factor", replicas),
                Map.entry("share.coordinator.state.topic.min.isr", minInSync),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"),
                // A broker killed with -9 is fenced only when its session expires: keep that short.
                Map.entry("broker.session.timeout.ms", "2000"),
                Map.entry("broker.heartbeat.interval.ms", "500")));
        if (node.flushEachWrite()) {
            p.put("log.flush.interval.messages", "1");
        }
        return p;
    }

    private static void awaitReady(String bootstrap) throws InterruptedException, TimeoutException {
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The embedded Kafka server did not become ready", e.getCause());
        }
    }

    /**
     * Kafka halts the JVM on a fatal fault without running shutdown hooks; say so in the log first, so the reason
     * is not lost with the process. (The embedded PostgreSQL it leaves behind is recovered at the next start.)
     */
    private static void haltLoudly() {
        Exit.setHaltProcedure((status, message) -> {
            log.error("Kafka halts the plant (status {}): {}", status, message);
            Runtime.getRuntime().halt(status);
        });
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose != null) {
            Directories.delete(deleteOnClose);
        }
    }

    /** The broker and controller ports, kept in the directory. */
    private record Ports(int broker, int controller) {

        static Ports of(Path directory) throws IOException {
            var ports = KeptPort.in(directory.resolve("broker.port"), directory.resolve("controller.port"));
            return new Ports(ports[0], ports[1]);
        }
    }
}
