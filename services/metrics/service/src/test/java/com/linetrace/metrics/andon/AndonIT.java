package com.linetrace.metrics.andon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DeadLetterDiscarded;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.line.AndonAcknowledged;
import com.linetrace.contracts.line.AndonCleared;
import com.linetrace.contracts.line.AndonRaised;
import com.linetrace.contracts.line.AndonRule;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.LotQuarantineLifted;
import com.linetrace.contracts.line.LotQuarantined;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The andon on real PostgreSQL and Kafka, each rule from the events that raise and clear it, with a stall threshold of
 * seconds (the test's settings). What a person sees is what the line's performance lists, over HTTP.
 */
@IntegrationTest
class AndonIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L + 500_000_000L);

    @LocalServerPort
    int port;

    @Test
    void raisesAStallWhenAStationStopsTakesASupervisorsAcknowledgementAndClearsWhenUnitsFlowAgain() {
        var line = line("S");
        var unit = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
        var now = Instant.now();
        unit(line, unit, null, now, new UnitsInitialized("WO-1", "AX4-ENT", 1));
        unit(line, unit, "ASM-1", now, new UnitsArrived(10, "Frame", false, "ASSEMBLY"));

        // The station has a unit in work and no event for the stall threshold (3 s here): an alert.
        var alert =
                await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "STATION_STALLED"), a -> a != null);
        assertThat(alert.get("station").asString()).isEqualTo("ASM-1");
        assertThat(alert.get("subject").asString()).isEqualTo("ASM-1");
        assertThat(alert.get("message").asString()).startsWith("ASM-1 has work and no event for ");
        var id = UUID.fromString(alert.get("id").asString());
        var raised = lineEvent(
                line, e -> e.body() instanceof AndonRaised r && r.alertId().equals(id));
        assertThat(raised.station()).isEqualTo("ASM-1");
        assertThat(((AndonRaised) raised.body()).rule()).isEqualTo(AndonRule.STATION_STALLED);

        // Only a supervisor acknowledges, only with a comment, and only once.
        var path = "/api/metrics/alerts/" + id + "/acknowledgement";
        var operator = ApiClient.at(port).as("operator").post(path, "{\"comment\":\"on it\"}");
        assertThat(operator.status()).isEqualTo(403);
        var supervisor = ApiClient.at(port).as("supervisor");
        var blank = supervisor.post(path, "{\"comment\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-acknowledgement");
        var unknown =
                supervisor.post("/api/metrics/alerts/" + UUID.randomUUID() + "/acknowledgement", "{\"comment\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unknown-alert");
        assertThat(supervisor
                        .post("/api/metrics/alerts/not-an-id/acknowledgement", "{\"comment\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(openAlert(line, "STATION_STALLED").get("acknowledgedAt").isNull())
                .as("no refusal changed the alert")
                .isTrue();
        var acknowledged = supervisor.post(path, "{\"comment\":\"Screwdriver jammed, spare on its way\"}");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("supervisor");
        assertThat(acknowledged.json().get("comment").asString()).isEqualTo("Screwdriver jammed, spare on its way");
        var again = supervisor.post(path, "{\"comment\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:linetrace:problem:alert-acknowledged");
        var acknowledgement = lineEvent(
                line,
                e -> e.body() instanceof AndonAcknowledged a && a.alertId().equals(id));
        assertThat(acknowledgement.actor()).isEqualTo("supervisor");
        assertThat(openAlert(line, "STATION_STALLED").get("comment").asString())
                .isEqualTo("Screwdriver jammed, spare on its way");

        // Units flow again: the unit is done and moves on, the station has events again and no work.
        var later = Instant.now();
        unit(line, unit, "ASM-1", later, new WorkCompleted(10, "Frame", Result.PASS, List.of()));
        unit(line, unit, "ASM-1", later, new UnitsDeparted(10, 20, "TEST"));
        await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "STATION_STALLED") == null);
        var cleared = lineEvent(
                line, e -> e.body() instanceof AndonCleared c && c.alertId().equals(id));
        assertThat(((AndonCleared) cleared.body()).reason()).contains("ASM-1");
    }

    @Test
    void raisesALotQuarantineUntilItIsLifted() {
        var line = line("Q");
        var unit = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
        unit(line, unit, null, Instant.now(), new UnitsInitialized("WO-1", "AX4-ENT", 1));
        var at = Instant.now();
        lineEvent(line, at, new LotQuarantined("MTR-2207", "LOT-77", "Bearing noise", 4));

        var alert =
                await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "LOT_QUARANTINED"), a -> a != null);
        assertThat(alert.get("subject").asString()).isEqualTo("MTR-2207/LOT-77");
        assertThat(alert.get("message").asString()).contains("LOT-77", "MTR-2207", "Bearing noise");

        lineEvent(line, at.plusSeconds(1), new LotQuarantineLifted("MTR-2207", "LOT-77", "Supplier cleared it"));
        await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "LOT_QUARANTINED") == null);
    }

    @Test
    void raisesARevokedFirmwareUntilEveryUnitCarryingItIsReleased() {
        var line = line("F");
        var unit = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
        var at = Instant.now();
        unit(line, unit, null, at, new UnitsInitialized("WO-1", "AX4-ENT", 1));
        var release = UUID.randomUUID();
        var revoked = new EventEnvelope<ProvisioningEvent>(
                EventIds.next(),
                1,
                at,
                "CA1",
                line,
                null,
                unit,
                "quality",
                new FirmwareReleaseRevoked(
                        release,
                        "AX4-ENT",
                        FirmwareModule.FLIGHT_CONTROLLER,
                        "4.2.0",
                        Sha256.parse("ab".repeat(32)),
                        "Brown-out on cold start"));
        TopicProbe.send(Topics.PROVISIONING_EVENTS, unit.value(), ProvisioningEvent.CODEC.encode(revoked));
        unit(line, unit, null, at.plusMillis(10), new UnitHeld("firmware revoked"));

        var alert =
                await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "FIRMWARE_REVOKED"), a -> a != null);
        assertThat(alert.get("subject").asString()).isEqualTo(release.toString());
        assertThat(alert.get("message").asString()).contains("4.2.0", "Brown-out on cold start", "1 unit(s)");

        unit(line, unit, null, at.plusSeconds(1), new UnitReleased("reflashed with 4.2.1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "FIRMWARE_REVOKED") == null);
    }

    @Test
    void raisesLowFirstPassYieldOfTheLastUnitsAndClearsWhenItRecovers() {
        var line = line("Y");
        var at = Instant.now().minusSeconds(60);
        // The test's settings: the last 5 units, 80 %. Two of five failed once: 60 %.
        for (int i = 0; i < 5; i++) {
            completedUnit(line, at.plusSeconds(i), i < 2);
        }
        var alert = await().atMost(Duration.ofSeconds(30))
                .until(() -> openAlert(line, "FIRST_PASS_YIELD_LOW"), a -> a != null);
        assertThat(alert.get("message").asString()).contains("60 %", "80 %");

        for (int i = 5; i < 8; i++) {
            completedUnit(line, at.plusSeconds(i), false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "FIRST_PASS_YIELD_LOW") == null);
    }

    @Test
    void raisesDeadLettersOnEveryLineUntilEachIsSettled() {
        var line = line("D");
        var unit = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
        unit(line, unit, null, Instant.now(), new UnitsInitialized("WO-1", "AX4-ENT", 1));
        var topic = Topics.deadLetter(Topics.PROVISIONING_EVENTS);
        var key = "andon-" + UUID.randomUUID();
        TopicProbe.send(topic, key, "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8));

        var alert = await().atMost(Duration.ofSeconds(60)).until(() -> openAlert(line, "DEAD_LETTERS"), a -> a != null);
        assertThat(alert.get("subject").asString()).isEqualTo(topic);

        // What deadletter publishes when a person discards them: every record of the topic, so the cause is gone.
        for (var record : TopicProbe.readAll(topic)) {
            var discarded = new AuditActionEvent(
                    EventIds.next(),
                    1,
                    Instant.now(),
                    "CA1",
                    "quality",
                    new DeadLetterDiscarded(
                            topic,
                            record.partition(),
                            record.offset(),
                            Topics.PROVISIONING_EVENTS,
                            record.key(),
                            "test"));
            TopicProbe.send(Topics.AUDIT_ACTIONS, "quality", AuditAction.CODEC.encode(discarded));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> openAlert(line, "DEAD_LETTERS") == null);
    }

    private void completedUnit(String line, Instant at, boolean failedOnce) {
        var unit = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
        unit(line, unit, null, at, new UnitsInitialized("WO-1", "AX4-ENT", 1));
        if (failedOnce) {
            unit(line, unit, "TST-1", at, new WorkCompleted(20, "Flight test", Result.FAIL, List.of("GNSS-NO-FIX")));
        }
        unit(line, unit, "TST-1", at, new WorkCompleted(20, "Flight test", Result.PASS, List.of()));
        unit(line, unit, "PCK-1", at, new UnitCompleted("WO-1"));
    }

    private static String line(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(10_000, 99_999);
    }

    /** The line's open alert of the rule, as the line's performance lists it; null when there is none. */
    private JsonNode openAlert(String line, String rule) {
        var answer = ApiClient.at(port).as("operator").get("/api/metrics/lines/" + line);
        if (answer.status() != 200) {
            return null;
        }
        for (var alert : answer.json().get("alerts")) {
            if (alert.get("rule").asString().equals(rule)) {
                return alert;
            }
        }
        return null;
    }

    private static LineEventEnvelope lineEvent(String line, java.util.function.Predicate<LineEventEnvelope> wanted) {
        var records = TopicProbe.read(
                Topics.LINE_EVENTS,
                Duration.ofSeconds(20),
                r -> line.equals(r.key()) && wanted.test(LineEvent.CODEC.decode(r.value())));
        return records.stream()
                .filter(r -> line.equals(r.key()))
                .map(r -> LineEvent.CODEC.decode(r.value()))
                .filter(wanted)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such line event of " + line));
    }

    private static void lineEvent(String line, Instant at, LineEvent body) {
        var event = new LineEventEnvelope(EventIds.next(), 1, at, "CA1", line, null, "quality", body);
        TopicProbe.send(Topics.LINE_EVENTS, line, LineEvent.CODEC.encode(event));
    }

    private static void unit(String line, Serial serial, String station, Instant at, UnitEvent body) {
        var event =
                new EventEnvelope<UnitEvent>(EventIds.next(), 1, at, "CA1", line, station, serial, "operator", body);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(event));
    }
}
