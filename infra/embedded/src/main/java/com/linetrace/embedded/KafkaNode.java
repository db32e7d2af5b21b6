package com.linetrace.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a KRaft cluster (combined broker and controller) in a process of its own, as {@code kafka-server-start}
 * runs one: formatted on first start with the cluster's id, started, and stopped by SIGTERM. {@link KafkaCluster}
 * lays out three of them on loopback and starts each with the arguments it needs; from the plant jar:
 *
 * <pre>java -Dloader.main=com.linetrace.embedded.KafkaNode -jar linetrace-plant.jar --dir=… --node-id=1
 *     --cluster-id=… --voters=1@127.0.0.1:p1,2@127.0.0.1:p2,3@127.0.0.1:p3 --broker-port=… --controller-port=…</pre>
 *
 * Options: {@code --replicas} (3) is the replication factor of Kafka's internal topics and of topics created without
 * one; {@code min.insync.replicas} is 2 with 3 replicas. It prints {@code READY <bootstrap>} once its broker answers.
 */
public final class KafkaNode {

    /** The line a node prints once its broker answers, followed by its bootstrap address. */
    public static final String READY = "READY ";

    private KafkaNode() {}

    public static void main(String[] args) throws InterruptedException {
        // Logback without a configuration logs everything at DEBUG: Kafka's own lines would swamp the node's log.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "linetrace-kafka-node-logback.xml");
        }
        var node = parse(args);
        var server = EmbeddedKafkaServer.node(node);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kafka-node-shutdown"));
        System.out.println(READY + server.bootstrapServers());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static EmbeddedKafkaServer.Node parse(String... args) {
        Path dir = null;
        int nodeId = -1;
        String clusterId = null;
        String voters = null;
        int brokerPort = -1;
        int controllerPort = -1;
        int replicas = 3;
        for (var arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Options are --name=value: " + arg);
            }
            var value = arg.substring(eq + 1);
            switch (arg.substring(0, eq)) {
                case "--dir" -> dir = Path.of(value);
                case "--node-id" -> nodeId = Integer.parseInt(value);
                case "--cluster-id" -> clusterId = value;
                case "--voters" -> voters = value;
                case "--broker-port" -> brokerPort = Integer.parseInt(value);
                case "--controller-port" -> controllerPort = Integer.parseInt(value);
                case "--replicas" -> replicas = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (dir == null
                || nodeId < 0
                || clusterId == null
                || voters == null
                || brokerPort <= 0
                || controllerPort <= 0) {
            throw new IllegalArgumentException(
                    "A node needs --dir, --node-id, --cluster-id, --voters, --broker-port and --controller-port");
        }
        // Replicas stand in for a flush per write: an acknowledged record is on min.insync.replicas nodes.
        return new EmbeddedKafkaServer.Node(
                dir, nodeId, clusterId, voters, brokerPort, controllerPort, replicas, replicas < 2, null, null);
    }
}
