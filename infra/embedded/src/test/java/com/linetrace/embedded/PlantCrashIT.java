package com.linetrace.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plant's data directory after {@code kill -9} of the plant's JVM: the next start recovers by itself and keeps
 * every committed row, record and consumer offset; while a plant lives, a second one is refused at once.
 */
@Timeout(180)
class PlantCrashIT {

    @TempDir
    Path dataDir;

    private Process plant;

    @AfterEach
    void killStandIn() {
        if (plant != null) {
            plant.destroyForcibly();
        }
    }

    @Test
    void startsAgainAfterKillMinus9AndKeepsRowsRecordsAndOffsets() throws Exception {
        var servers = startStandIn();
        try (var db = DriverManager.getConnection(servers.jdbcUrl(), "postgres", servers.postgresPassword())) {
            db.createStatement().execute("create table kept (value text)");
            db.createStatement().execute("insert into kept values ('answered scan')");
        }
        send(servers.bootstrap(), servers.kafkaSignIn(), "first", "second");
        assertThat(consume(servers.bootstrap(), servers.kafkaSignIn(), 1)).containsExactly("first");

        plant.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        var postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .filter(p -> p.info()
                        .arguments()
                        .map(List::of)
                        .orElse(List.of())
                        .toString()
                        .contains(dataDir.toString()))
                .findFirst();
        assertThat(postmaster)
                .as("the dead plant's PostgreSQL still runs, as after a real crash")
                .isPresent();

        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
                var kafka = EmbeddedKafkaServer.durable(dataDir.resolve("kafka"))) {
            try (var db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", postgres.password());
                    var rows = db.createStatement().executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("answered scan");
            }
            assertThat(consume(kafka.bootstrapServers(), kafka.clientProperties(), 1))
                    .as("the group's committed offset survived: only the record not yet consumed comes")
                    .containsExactly("second");
            assertThat(postmaster.get().isAlive()).isFalse();
        }
    }

    @Test
    void runsTheDatabaseWithDurableSettings() throws Exception {
        var servers = startStandIn();
        try (var db = DriverManager.getConnection(servers.jdbcUrl(), "postgres", servers.postgresPassword());
                var rows = db.createStatement()
                        .executeQuery("select name, setting from pg_settings"
                                + " where name in ('fsync', 'synchronous_commit', 'full_page_writes') order by name")) {
            var settings = new java.util.TreeMap<String, String>();
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
            assertThat(settings)
                    .containsExactlyEntriesOf(new java.util.TreeMap<>(
                            Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "on")));
        }
    }

    @Test
    void startsItsDatabaseAgainWhenItStopsUnderTheRunningPlant() throws Exception {
        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"))) {
            var url = postgres.jdbcUrl();
            var password = postgres.password();
            try (var db = DriverManager.getConnection(url, "postgres", password)) {
                db.createStatement().execute("create table kept (value text)");
                db.createStatement().execute("insert into kept values ('before the stop')");
            }
            long first = postgres.pid();
            new ProcessBuilder("kill", "-INT", String.valueOf(first)).start().waitFor();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.of(first).isEmpty());

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        try (var db = DriverManager.getConnection(url, "postgres", password);
                                var rows = db.createStatement().executeQuery("select value from kept")) {
                            assertThat(rows.next()).isTrue();
                            assertThat(rows.getString(1)).isEqualTo("before the stop");
                        }
                    });
            assertThat(postgres.pid()).isNotEqualTo(first);
        }
    }

    @Test
    void refusesASecondPlantOnADataDirectoryALivePlantUses() throws Exception {
        startStandIn();
        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                .hasMessageContaining("in use by another running LineTrace plant")
                .hasMessageContaining("pid " + plant.pid());
    }

    /** Where the stand-in's servers are, and how a tool of the same account signs in: with the kept passwords. */
    private record Servers(
            String jdbcUrl, String bootstrap, String postgresPassword, Map<String, String> kafkaSignIn) {}

    private Servers startStandIn() throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        plant = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        PlantStandIn.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        var out = new BufferedReader(new InputStreamReader(plant.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                var parts = line.split(" ");
                // Keep draining the stand-in's output so it never blocks on a full pipe.
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> {}));
                return new Servers(
                        parts[1],
                        parts[2],
                        KeptSecret.read(KeptSecret.fileFor(dataDir.resolve("postgres")))
                                .orElseThrow(),
                        EmbeddedKafkaServer.clientPropertiesOf(dataDir.resolve("kafka")));
            }
        }
        throw new IllegalStateException("The stand-in plant exited before its servers were ready");
    }

    private static void send(String bootstrap, Map<String, String> signIn, String... values) throws Exception {
        var config = new java.util.HashMap<String, Object>(signIn);
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        try (var producer = new KafkaProducer<String, String>(config)) {
            for (var value : values) {
                producer.send(new ProducerRecord<>("kept-events", "unit", value))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> consume(String bootstrap, Map<String, String> signIn, int count) {
        var config = new java.util.HashMap<String, Object>(signIn);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "trace",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                count,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of("kept-events"));
            var values = new java.util.ArrayList<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            consumer.commitSync();
            return values;
        }
    }
}
