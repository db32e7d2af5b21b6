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
 * cluster id live in its directory, so topics, records and committed offsets survive a restart and a crash.
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
        haltLoudly();
        try {
            Files.createDirectories(directory);
            var ports = Ports.of(directory);
            var logDir = directory.resolve("logs");
            var config = new KafkaConfig(properties(ports, logDir, flushEachWrite), false);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                var clusterId = Uuid.randomUuid().toString();
                log.info("Formatting a new Kafka log directory {} (cluster {})", logDir, clusterId);
                new Formatter()
                        .setNodeId(NODE_ID)
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
                var bootstrap = "127.0.0.1:" + ports.broker();
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

    private static Properties properties(Ports ports, Path logDir, boolean flushEachWrite) {
        var p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + ports.controller()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:" + ports.broker() + ",CONTROLLER://127.0.0.1:" + ports.controller()),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.broker()),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"),
                // A broker killed with -9 is fenced only when its session expires: keep that short.
                Map.entry("broker.session.timeout.ms", "2000"),
                Map.entry("broker.heartbeat.interval.ms", "500")));
        if (flushEachWrite) {
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
