package com.linetrace.plant;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.embedded.DataDirectoryLock;
import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.testing.ApiClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stops under a running plant: a scan is answered at once with a clear refusal that says nothing was
 * recorded, never a hang or a 500, and the plant works again by itself when the database is back. The plant here
 * has servers of its own, so stopping them disturbs no other test.
 */
@Timeout(300)
class DatabaseOutageIT {

    @TempDir
    Path dataDir;

    private DataDirectoryLock lock;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaServer kafka;
    private ConfigurableApplicationContext plant;
    private int port;

    @BeforeEach
    void startPlant() {
        lock = DataDirectoryLock.acquire(dataDir);
        postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
        kafka = EmbeddedKafkaServer.throwaway();
        plant = OwnServers.plant(postgres, kafka, "--linetrace.simulator.enabled=false");
        port = OwnServers.port(plant);
    }

    @AfterEach
    void stopPlant() {
        if (plant != null) {
            plant.close();
        }
        kafka.close();
        postgres.close();
        lock.close();
    }

    @Test
    void aScanWhileTheDatabaseIsDownIsRefusedAtOnceAndTheLineWorksAgainWhenItReturns() {
        var serials = newSerials(2);
        var operator = ApiClient.at(port).as("operator");
        assertThat(scan(operator, serials.get(0)).status()).isEqualTo(200);

        postgres.close();

        long started = System.nanoTime();
        var refused = scan(operator, serials.get(1));
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:database-unavailable");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("The plant database is not reachable — nothing was recorded, scan again");

        // A user whose sign-in is not remembered cannot be checked either: the same answer, not a 401.
        var unchecked = ApiClient.at(port).as("quality").get("/api/units/" + serials.get(0) + "/history");
        assertThat(unchecked.status()).as(unchecked.body()).isEqualTo(503);

        postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(scan(operator, serials.get(1)).status()).isEqualTo(200));
        assertThat(scan(operator, serials.get(1)).json().get("verdict").asString())
                .isIn("ACCEPTED", "REJECTED");
    }

    @Test
    void theTerminalShowsThePlantDegradedAndAScanNotRecordedThenRecoversByItself() throws Exception {
        var serials = newSerials(1);
        try (var browser = Browser.start(port)) {
            browser.signIn("operator", "operator");
            browser.open("/station?station=ASM-1");
            browser.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
            assertThat(browser.driver.findElements(By.id("plant-degraded")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

            postgres.close();
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("plant-degraded")));
            browser.scan(serials.getFirst());
            browser.waitUpTo(20)
                    .until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "NOT_RECORDED"));
            assertThat(browser.driver.findElement(By.id("verdict")).getText())
                    .contains("The plant database is not reachable — nothing was recorded, scan again");

            postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
            browser.waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("plant-degraded")));
            browser.scan(serials.getFirst());
            browser.waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "ACCEPTED"));
        }
    }

    @Test
    void anEquipmentResultArrivingWhileTheDatabaseIsDownWaitsForItInsteadOfBeingDeadLettered() throws Exception {
        var serial = Serial.parse(newSerials(1).getFirst());
        postgres.close();
        var report = new EventEnvelope<EquipmentResult>(
                EventIds.next(),
                1,
                Instant.now(),
                "CA1",
                "L1",
                "FW-1",
                serial,
                "FIX-FW-1",
                new FlashReported(
                        "AX4-ENT",
                        FirmwareModule.FLIGHT_CONTROLLER,
                        "1.0.0",
                        Sha256.of(new byte[32]),
                        Sha256.of(new byte[32]),
                        "FIX-FW-1"));
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
                var deadLetters = new KafkaConsumer<String, byte[]>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "outage-test-dlt",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class))) {
            producer.send(new ProducerRecord<>(
                            Topics.EQUIPMENT_RESULTS, serial.value(), EquipmentResult.CODEC.encode(report)))
                    .get(10, TimeUnit.SECONDS);
            deadLetters.subscribe(List.of(Topics.deadLetter(Topics.EQUIPMENT_RESULTS)));

            // Far longer than the retries a record's own fault gets before its dead-letter topic.
            var dead = new ArrayList<String>();
            var reasons = new ArrayList<String>();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                deadLetters.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (serial.value().equals(r.key())) {
                        var reason = r.headers().lastHeader("linetrace-dlt-reason");
                        reasons.add(reason == null ? "(no reason)" : new String(reason.value(), UTF_8));
                    }
                    dead.add(r.key());
                });
            }
            assertThat(dead)
                    .as("a good record dead-lettered for the database's absence, for: %s", reasons)
                    .doesNotContain(serial.value());
        }
    }

    private static ApiClient.Response scan(ApiClient operator, String serial) {
        return operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
    }

    private List<String> newSerials(int quantity) {
        var released = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":" + quantity + "}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        var serials = new ArrayList<String>();
        released.json().get("serials").forEach(s -> serials.add(s.asString()));
        return serials;
    }
}
