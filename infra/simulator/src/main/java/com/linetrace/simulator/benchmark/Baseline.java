package com.linetrace.simulator.benchmark;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the same servers do with nothing of LineTrace in between: a plain idempotent Kafka producer (acks=all)
 * and a consumer, and a plain JDBC batch insert, of as many records of about the same size as the plant's events.
 * Each cleans up what it made (a scratch topic, a scratch schema).
 */
final class Baseline {

    private static final int PARTITIONS = 3;
    private static final int JDBC_BATCH = 200;

    private Baseline() {}

    private static Map<String, Object> with(Map<String, Object> client, Object... keysAndValues) {
        var config = new java.util.HashMap<>(client);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    /** {@code client}: the bootstrap servers and whatever signs in to them (SASL), as every client here needs. */
    static Report.Row kafka(Map<String, Object> client, int count, int recordBytes) throws Exception {
        var topic = "linetrace.benchmark-baseline." + UUID.randomUUID();
        try (var admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            try {
                return produceAndConsume(client, topic, count, recordBytes);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Report.Row produceAndConsume(Map<String, Object> client, String topic, int count, int recordBytes)
            throws Exception {
        var latencies = new Histogram(3);
        var partitions = new ArrayList<TopicPartition>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        try (var consumer = new KafkaConsumer<String, byte[]>(with(
                        client,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false));
                var producer = new KafkaProducer<String, byte[]>(with(
                        client,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class))) {
            // Assigned, not subscribed: no group rebalance to wait for, and every record from offset 0.
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ZERO);
            var value = new byte[recordBytes];
            long start = System.nanoTime();
            var sending = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < count; i++) {
                    producer.send(new ProducerRecord<>(topic, "unit-" + (i % 1000), value));
                }
                producer.flush();
            });
            int received = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(2);
            while (received < count && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.recordValue(Math.max(0, (System.currentTimeMillis() - record.timestamp()) * 1000));
                    received++;
                }
            }
            long elapsed = System.nanoTime() - start;
            sending.get(1, TimeUnit.MINUTES);
            return new Report.Row(
                    "baseline Kafka produce -> consume (acks=all)", received, Duration.ofNanos(elapsed), latencies);
        }
    }

    static Report.Row jdbc(DataSource dataSource, int count, int payloadBytes) throws SQLException {
        var payload = "{\"pad\":\"" + "x".repeat(Math.max(0, payloadBytes - 10)) + "\"}";
        try (var connection = dataSource.getConnection();
                var ddl = connection.createStatement()) {
            ddl.execute("create schema linetrace_benchmark");
            try {
                ddl.execute("""
                        create table linetrace_benchmark.scratch (
                            event_id uuid primary key, serial text not null, type text not null,
                            occurred_at timestamptz not null, payload jsonb not null,
                            recorded_at timestamptz not null default now())""");
                connection.setAutoCommit(false);
                long start = System.nanoTime();
                try (var insert = connection.prepareStatement("insert into linetrace_benchmark.scratch"
                        + " (event_id, serial, type, occurred_at, payload) values (?, ?, ?, ?, ?::jsonb)")) {
                    for (int i = 0; i < count; i++) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "unit-" + (i % 1000));
                        insert.setString(3, "WorkCompleted");
                        insert.setTimestamp(4, Timestamp.from(Instant.now()));
                        insert.setString(5, payload);
                        insert.addBatch();
                        if ((i + 1) % JDBC_BATCH == 0 || i == count - 1) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                long elapsed = System.nanoTime() - start;
                connection.setAutoCommit(true);
                return new Report.Row(
                        "baseline JDBC batch insert (" + JDBC_BATCH + " per commit)",
                        count,
                        Duration.ofNanos(elapsed),
                        null);
            } finally {
                connection.setAutoCommit(true);
                ddl.execute("drop schema linetrace_benchmark cascade");
            }
        }
    }
}
