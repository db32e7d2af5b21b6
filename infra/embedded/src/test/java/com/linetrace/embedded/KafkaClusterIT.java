package com.linetrace.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@link KafkaNode} processes on loopback make one cluster; with one of them killed ({@code kill -9}), a
 * topic of replication factor 3 and {@code min.insync.replicas} 2 still takes every record and a consumer group
 * (its offsets in Kafka's own topic, also replicated 3 times) goes on where it committed: nothing lost, nothing twice.
 */
@Timeout(240)
class KafkaClusterIT {

    private static final String TOPIC = "cluster-it";
    private static final int RECORDS = 300;

    @TempDir
    Path root;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws Exception {
        for (var node : nodes) {
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsEveryRecordAndCommittedOffsetWhenOneOfThreeBrokersIsKilled() throws Exception {
        var cluster = KafkaCluster.in(root, 3);
        for (int id = 1; id <= 3; id++) {
            nodes.add(cluster.start(id, KafkaCluster.onClassPath()));
        }
        cluster.awaitBrokers(3, Duration.ofSeconds(120));
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3)
                            .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            try (var producer = producer(cluster);
                    var consumer = consumer(cluster)) {
                send(producer, 1, RECORDS / 2);
                assertThat(consumeCommitting(consumer, RECORDS / 2)).isEqualTo(range(1, RECORDS / 2));
            }
            var offsets = admin.describeTopics(List.of("__consumer_offsets"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get("__consumer_offsets");
            assertThat(offsets.partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

            int victim = admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(TOPIC)
                    .partitions()
                    .getFirst()
                    .leader()
                    .id();
            nodes.get(victim - 1).destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            try (var producer = producer(cluster);
                    var consumer = consumer(cluster)) {
                send(producer, RECORDS / 2 + 1, RECORDS);
                assertThat(consumeCommitting(consumer, RECORDS / 2)).isEqualTo(range(RECORDS / 2 + 1, RECORDS));
            }
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.describeTopics(List.of(TOPIC))
                                    .allTopicNames()
                                    .get(10, TimeUnit.SECONDS)
                                    .get(TOPIC)
                                    .partitions())
                            .allSatisfy(p -> assertThat(p.isr()).hasSize(2).noneMatch(n -> n.id() == victim)));
        } catch (AssertionError | Exception e) {
            for (int id = 1; id <= 3; id++) {
                System.err.println("--- node " + id + " ---\n" + tail(cluster.logFile(id)));
            }
            throw e;
        }
    }

    private static void send(KafkaProducer<String, String> producer, int from, int to) throws Exception {
        var sent = new ArrayList<Future<?>>();
        for (int i = from; i <= to; i++) {
            sent.add(producer.send(new ProducerRecord<>(TOPIC, "unit-" + i, String.valueOf(i))));
        }
        for (var future : sent) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    /** Reads {@code count} records in the group and commits them; returns them in the order read, as numbers. */
    private static List<Integer> consumeCommitting(KafkaConsumer<String, String> consumer, int count) {
        consumer.subscribe(List.of(TOPIC));
        var read = new ArrayList<Integer>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                read.add(Integer.parseInt(record.value()));
            }
            return read.size() >= count;
        });
        consumer.commitSync(Duration.ofSeconds(30));
        // Nothing beyond: a record read twice would show here.
        for (var record : consumer.poll(Duration.ofSeconds(2))) {
            read.add(Integer.parseInt(record.value()));
        }
        return read.stream().sorted().toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        60_000),
                new StringSerializer(),
                new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaCluster cluster) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "cluster-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (Exception e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
