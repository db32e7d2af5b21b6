package com.linetrace.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
 *
 * <p>The plant's broker lets no client in without its password: both its listeners, the clients' and the
 * controller's, speak SASL ({@code PLAIN}, on loopback only) and know one user, {@value #USER}, whose password is
 * made at first start and kept owner-only beside the broker's directory ({@link KeptSecret#fileFor(Path)}).
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final int NODE_ID = 1;

    /** The one user the plant's broker knows. */
    public static final String USER = "linetrace";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private final @Nullable Path deleteOnClose;

    private EmbeddedKafkaServer(
            KafkaRaftServer server,
            String bootstrapServers,
            Map<String, String> clientProperties,
            @Nullable Path deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * The plant's broker on {@code directory}, formatted on first start. Each write is flushed to disk before it is
     * acknowledged: one broker has no replica to fall back on after a power cut. Its ports are kept in the directory
     * and reused, so the controller keeps its address across restarts. Clients sign in with
     * {@link #clientProperties()}; a directory made before the broker asked for a password gets one at this start.
     */
    public static EmbeddedKafkaServer durable(Path directory) {
        var password = KeptSecret.in(KeptSecret.fileFor(directory));
        return start(directory, true, password, null);
    }

    /**
     * A broker in a new temporary directory, removed on {@link #close()}: for tests and the benchmark. It asks no
     * password: every test's own producers, consumers and admin clients would need one, and the Testcontainers broker
     * the same tests use where Docker runs is open too. It holds test data only, and only while the tests run.
     */
    public static EmbeddedKafkaServer throwaway() {
        try {
            var directory = Files.createTempDirectory("linetrace-kafka-");
            return start(directory, false, null, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the embedded Kafka server", e);
        }
    }

    /**
     * A throw-away broker whose client listener speaks SASL over TLS ({@code SASL_SSL}, {@code PLAIN}, user
     * {@value #USER} with {@code password}) with the certificate {@code tls} names, as a real plant's brokers would:
     * for a test of TLS and SASL to real servers. The controller listener stays {@code SASL_PLAINTEXT} on loopback.
     */
    public static EmbeddedKafkaServer throwawayOverTls(String password, Tls tls) {
        try {
            var directory = Files.createTempDirectory("linetrace-kafka-tls-");
            return start(directory, false, password, tls, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the embedded Kafka server", e);
        }
    }

    /**
     * A TLS listener's identity, in PEM: its certificate chain, its private key (PKCS#8, unencrypted) and the
     * certificates it trusts (to reach itself as a client).
     */
    public record Tls(String certificateChain, String privateKey, String trustedCertificates) {
        @Override
        public String toString() {
            return "Tls[certificate chain and key, not shown]";
        }
    }

    private static EmbeddedKafkaServer start(
            Path directory, boolean flushEachWrite, @Nullable String password, @Nullable Path deleteOnClose) {
        return start(directory, flushEachWrite, password, null, deleteOnClose);
    }

    private static EmbeddedKafkaServer start(
            Path directory,
            boolean flushEachWrite,
            @Nullable String password,
            @Nullable Tls tls,
            @Nullable Path deleteOnClose) {
        try {
            KeptSecret.ownerOnlyDirectory(directory.toAbsolutePath().getParent());
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
                    flushEachWrite,
                    password,
                    tls);
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
                var clientProperties = clientProperties(node.password(), node.tls());
                awaitReady(bootstrap, clientProperties);
                return new EmbeddedKafkaServer(server, bootstrap, clientProperties, deleteOnClose);
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
     * @param password the password of {@value #USER} on both listeners (SASL {@code PLAIN}); null: open listeners
     * @param tls the client listener's certificate, for {@code SASL_SSL} there (with a password only); null: no TLS
     */
    record Node(
            Path directory,
            int id,
            @Nullable String clusterId,
            String voters,
            int brokerPort,
            int controllerPort,
            int replicas,
            boolean flushEachWrite,
            @Nullable String password,
            @Nullable Tls tls) {

        int minInSyncReplicas() {
            return replicas >= 3 ? 2 : 1;
        }

        @Override
        public String toString() {
            return "Node[" + directory + ", id " + id + "]";
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
        p.putAll(listeners(node));
        return p;
    }

    /**
     * Open: {@code PLAINTEXT} for clients and the controller. With a password: {@code SASL_PLAINTEXT} on both, one
     * user ({@value #USER}), the broker signing in to its own controller with the same. Loopback only, so the
     * password never crosses a wire.
     */
    private static Map<String, String> listeners(Node node) {
        var broker = "127.0.0.1:" + node.brokerPort();
        var controller = "127.0.0.1:" + node.controllerPort();
        if (node.password() == null) {
            return Map.of(
                    "listeners",
                    "PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
                    "advertised.listeners",
                    "PLAINTEXT://" + broker,
                    "listener.security.protocol.map",
                    "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name",
                    "PLAINTEXT");
        }
        var jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + USER
                + "\" password=\"" + node.password() + "\" user_" + USER + "=\"" + node.password() + "\";";
        var tls = node.tls();
        var listeners = new HashMap<String, String>();
        if (tls != null) {
            listeners.putAll(Map.of(
                    "listener.name.client.ssl.keystore.type", "PEM",
                    "listener.name.client.ssl.keystore.certificate.chain", tls.certificateChain(),
                    "listener.name.client.ssl.keystore.key", tls.privateKey(),
                    "listener.name.client.ssl.truststore.type", "PEM",
                    "listener.name.client.ssl.truststore.certificates", tls.trustedCertificates()));
        }
        var client = tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
        listeners.putAll(Map.ofEntries(
                Map.entry("listeners", "CLIENT://" + broker + ",CONTROLLER://" + controller),
                Map.entry("advertised.listeners", "CLIENT://" + broker),
                Map.entry("listener.security.protocol.map", "CLIENT:" + client + ",CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "CLIENT"),
                Map.entry("sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.client.plain.sasl.jaas.config", jaas),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", jaas),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")));
        return listeners;
    }

    /**
     * The client settings that sign in to the durable broker on {@code directory}, from the password kept beside it:
     * for a tool of the plant's own account that talks to a running plant's broker.
     */
    public static Map<String, String> clientPropertiesOf(Path directory) {
        var file = KeptSecret.fileFor(directory);
        return clientProperties(
                KeptSecret.read(file)
                        .orElseThrow(() -> new IllegalStateException("No Kafka password is kept in " + file)),
                null);
    }

    /** What a client adds to the bootstrap servers to sign in; nothing for an open broker. */
    private static Map<String, String> clientProperties(@Nullable String password, @Nullable Tls tls) {
        if (password == null) {
            return Map.of();
        }
        var properties = new HashMap<String, String>();
        properties.put("sasl.mechanism", "PLAIN");
        properties.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + USER + "\" password=\""
                        + password + "\";");
        if (tls == null) {
            properties.put("security.protocol", "SASL_PLAINTEXT");
        } else {
            properties.put("security.protocol", "SASL_SSL");
            properties.put("ssl.truststore.type", "PEM");
            properties.put("ssl.truststore.certificates", tls.trustedCertificates());
        }
        return Map.copyOf(properties);
    }

    private static void awaitReady(String bootstrap, Map<String, String> clientProperties)
            throws InterruptedException, TimeoutException {
        var config = new HashMap<String, Object>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (var admin = Admin.create(config)) {
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

    /**
     * The Kafka client settings that sign in to this broker ({@code security.protocol}, {@code sasl.mechanism},
     * {@code sasl.jaas.config} with the password): empty for a throw-away broker. Give them to a client's
     * configuration, never to a log or a command line.
     */
    public Map<String, String> clientProperties() {
        return clientProperties;
    }

    /** A client's configuration to start from: the bootstrap servers and {@link #clientProperties()}. */
    public Map<String, Object> clientConfig() {
        var config = new HashMap<String, Object>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /**
     * {@link #clientProperties()} as the Spring properties that give them to every client a Spring Boot process
     * builds ({@code spring.kafka.properties.*}).
     */
    public Map<String, String> springProperties() {
        var properties = new HashMap<String, String>();
        clientProperties.forEach((key, value) -> properties.put("spring.kafka.properties." + key, value));
        return properties;
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
