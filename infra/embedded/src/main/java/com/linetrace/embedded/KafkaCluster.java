package com.linetrace.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@code size} combined broker-and-controller nodes on loopback, each a {@link KafkaNode} process
 * of its own with its directory ({@code node-<id>/} under the cluster's root). The cluster id and every node's
 * ports are chosen at first use and kept under the root, so a node killed and started again rejoins the same quorum
 * at the same address. Every node is formatted with that one cluster id; the voters are all of them.
 */
public final class KafkaCluster {

    private final Path root;
    private final String clusterId;
    private final int[] brokerPorts;
    private final int[] controllerPorts;

    private KafkaCluster(Path root, String clusterId, int[] brokerPorts, int[] controllerPorts) {
        this.root = root;
        this.clusterId = clusterId;
        this.brokerPorts = brokerPorts;
        this.controllerPorts = controllerPorts;
    }

    /** The cluster kept under {@code root}, laid out there on first use. Node ids are 1 to {@code size}. */
    public static KafkaCluster in(Path root, int size) {
        try {
            Files.createDirectories(root);
            var idFile = root.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid() + "\n", StandardCharsets.UTF_8);
            }
            var clusterId = Files.readString(idFile, StandardCharsets.UTF_8).strip();
            var files = new ArrayList<Path>();
            for (int id = 1; id <= size; id++) {
                var dir = root.resolve("node-" + id);
                Files.createDirectories(dir);
                files.add(dir.resolve("broker.port"));
                files.add(dir.resolve("controller.port"));
            }
            var ports = KeptPort.belowEphemeralRange(files.toArray(Path[]::new));
            var brokers = new int[size];
            var controllers = new int[size];
            for (int i = 0; i < size; i++) {
                brokers[i] = ports[2 * i];
                controllers[i] = ports[2 * i + 1];
            }
            return new KafkaCluster(root, clusterId, brokers, controllers);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out a Kafka cluster in " + root, e);
        }
    }

    public int size() {
        return brokerPorts.length;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Every node's client address, as clients are given them: one node down, the others still answer. */
    public String bootstrapServers() {
        return IntStream.rangeClosed(1, size()).mapToObj(this::bootstrapServer).collect(Collectors.joining(","));
    }

    public String bootstrapServer(int nodeId) {
        return "127.0.0.1:" + brokerPorts[nodeId - 1];
    }

    public Path directory(int nodeId) {
        return root.resolve("node-" + nodeId);
    }

    /** Where a node's process writes its output; each start appends to it. */
    public Path logFile(int nodeId) {
        return root.resolve("node-" + nodeId + ".log");
    }

    /** What {@link KafkaNode#main} needs to start node {@code nodeId}. */
    public List<String> arguments(int nodeId) {
        var voters = IntStream.rangeClosed(1, size())
                .mapToObj(id -> id + "@127.0.0.1:" + controllerPorts[id - 1])
                .collect(Collectors.joining(","));
        return List.of(
                "--dir=" + directory(nodeId),
                "--node-id=" + nodeId,
                "--cluster-id=" + clusterId,
                "--voters=" + voters,
                "--broker-port=" + brokerPorts[nodeId - 1],
                "--controller-port=" + controllerPorts[nodeId - 1],
                "--replicas=" + Math.min(3, size()));
    }

    /**
     * Starts node {@code nodeId} as a process: {@code launcher} is the command up to and including what names
     * {@link KafkaNode} ({@link #onClassPath()} or {@link #fromJar(Path)}). It is not ready yet.
     */
    public Process start(int nodeId, List<String> launcher) {
        var command = new ArrayList<>(launcher);
        command.addAll(arguments(nodeId));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(logFile(nodeId).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka node " + nodeId, e);
        }
    }

    /** A node started with this JVM's class path (tests). */
    public static List<String> onClassPath() {
        var command = java();
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaNode.class.getName()));
        return command;
    }

    /** A node started from the plant jar, whose launcher runs the class {@code loader.main} names. */
    public static List<String> fromJar(Path jar) {
        var command = java();
        command.addAll(List.of("-Dloader.main=" + KafkaNode.class.getName(), "-jar", jar.toString()));
        return command;
    }

    /**
     * A small heap and the serial collector: three nodes share a machine with the services (Kafka's own script
     * gives each 1 GB and G1).
     */
    private static List<String> java() {
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "--sun-misc-unsafe-memory-access=allow"));
    }

    /** Waits until {@code brokers} brokers are registered and unfenced, as any live node reports them. */
    public void awaitBrokers(int brokers, Duration limit) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= brokers) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not up yet: the quorum has no leader until a majority of the nodes runs.
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(brokers + " Kafka brokers were not up within " + limit + " (logs in "
                            + root + File.separator + "node-*.log)");
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }
}
