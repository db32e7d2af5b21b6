package com.linetrace.trace.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UnitEventListenerIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsAnEventDeliveredTwiceOnce() {
        var serial = newSerial();
        var event = arrived(serial);
        var bytes = UnitEvent.CODEC.encode(event);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), bytes);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), bytes);
        var marker = arrived(serial);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(marker));
        // The marker is consumed after both copies (same key, same partition): then the count is final.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(marker.eventId().toString()) == 1);
        assertThat(stored(event.eventId().toString())).isEqualTo(1);
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndConsumesTheNextOne() {
        var serial = newSerial();
        var poison = "{\"type\":\"UnitsArrived\",\"garbage\":true}".getBytes(StandardCharsets.UTF_8);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), poison);
        var good = arrived(serial);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(good));

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(good.eventId().toString()) == 1);
        var dead = TopicProbe.read(
                Topics.deadLetter(Topics.UNIT_EVENTS),
                Duration.ofSeconds(20),
                record -> serial.value().equals(record.key()));
        var record = dead.stream()
                .filter(r -> serial.value().equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(record.value()).isEqualTo(poison);
        var reason = new String(
                record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("Missing field");
    }

    @Test
    void servesAUnitsHistoryAndRefusesBadSerials() {
        var serial = newSerial();
        var event = arrived(serial);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(event));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(event.eventId().toString()) == 1);

        var quality = ApiClient.at(port).as("quality");
        var history = quality.get("/api/units/" + serial + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get(0).get("summary").asString()).isEqualTo("Checked in for op 50 Firmware");

        var malformed = quality.get("/api/units/NOT-A-SERIAL/history");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:linetrace:problem:malformed-serial");
        var unknown = quality.get("/api/units/" + newSerial() + "/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unknown-serial");
        assertThat(ApiClient.at(port).get("/api/units/" + serial + "/history").status())
                .isEqualTo(401);
    }

    @Test
    void servesALinesLatestEventsNewestFirst() {
        var first = arrived(newSerial(), "L7");
        var second = arrived(newSerial(), "L7");
        TopicProbe.send(Topics.UNIT_EVENTS, first.serial().value(), UnitEvent.CODEC.encode(first));
        TopicProbe.send(Topics.UNIT_EVENTS, second.serial().value(), UnitEvent.CODEC.encode(second));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(first.eventId().toString())
                                + stored(second.eventId().toString())
                        == 2);

        var latest = ApiClient.at(port).as("operator").get("/api/unit-events?line=L7&limit=1");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().size()).isEqualTo(1);
        assertThat(latest.json().get(0).get("eventId").asString())
                .isEqualTo(second.eventId().toString());
    }

    /**
     * A summary is kept to 300 characters, so that a timeline row fits the timeline's covering index (2.7 KB at most):
     * a hold's reason of 2,000 three-byte characters would make a 6 KB summary, which PostgreSQL refuses to index.
     * The reason stays whole in the unit's holds and in the event's payload.
     */
    @Test
    void keepsALongSummaryShortAndTheWholeReasonWithTheHold() {
        var serial = newSerial();
        var reason = "€".repeat(1_999) + "x";
        var held = new EventEnvelope<UnitEvent>(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                "L1",
                null,
                serial,
                "quality",
                new UnitHeld(reason));
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(held));
        var marker = arrived(serial);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(marker));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> stored(marker.eventId().toString()) == 1);
        var history = ApiClient.at(port).as("quality").get("/api/units/" + serial + "/history");
        assertThat(history.status()).isEqualTo(200);
        var summary = history.json().get(0).get("summary").asString();
        assertThat(summary).hasSize(300).startsWith("Held: €€€").endsWith("€…");
        assertThat(jdbc.sql("select reason from trace.unit_hold where serial = :serial")
                        .param("serial", serial.value())
                        .query(String.class)
                        .single())
                .isEqualTo(reason);
    }

    private long stored(String eventId) {
        return jdbc.sql("select count(*) from trace.unit_event where event_id = :id::uuid")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    private static Serial newSerial() {
        return Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
    }

    private static EventEnvelope<UnitEvent> arrived(Serial serial) {
        return arrived(serial, "L1");
    }

    private static EventEnvelope<UnitEvent> arrived(Serial serial, String line) {
        return new EventEnvelope<>(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                line,
                "FW-1",
                serial,
                "operator",
                new UnitsArrived(50, "Firmware", false, "FIRMWARE_FLASH"));
    }
}
