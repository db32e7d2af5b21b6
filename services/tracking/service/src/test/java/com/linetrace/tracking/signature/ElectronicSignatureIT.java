package com.linetrace.tracking.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.ElectronicSignature;
import com.linetrace.contracts.action.ElectronicSignatureRefused;
import com.linetrace.contracts.action.ElectronicSignatureRefused.Refusal;
import com.linetrace.contracts.action.SignatureMeaning;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import com.linetrace.tracking.LineDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A held unit's release and a unit's scrap, signed electronically over HTTP: the person re-enters their password and
 * states the meaning; the signed record (printed name, time, meaning) is an audit action on the topic, written with
 * the decision. A wrong password or a person not allowed is refused, nothing changes, and the refusal is audited.
 */
@IntegrationTest
class ElectronicSignatureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LineDriver line;
    ApiClient quality;
    ApiClient supervisor;

    @BeforeEach
    void setUp() {
        line = new LineDriver(port, jdbc);
        quality = ApiClient.at(port).as("quality");
        supervisor = ApiClient.at(port).as("supervisor");
    }

    private String heldUnit() {
        var serial = line.newSerials(1).getFirst();
        var held =
                supervisor.post("/api/holds", "{\"serials\":[\"" + serial + "\"],\"reason\":\"dropped on the floor\"}");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        return serial;
    }

    private static String signed(String reason, String password, String meaning) {
        return "{\"reason\":\"" + reason + "\",\"signature\":{\"password\":\"" + password + "\",\"meaning\":\""
                + meaning + "\"}}";
    }

    @Test
    void releaseSignedWithTheRightPasswordReleasesAndRecordsPrintedNameTimeAndMeaning() {
        var serial = heldUnit();
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var released = quality.post(
                "/api/units/" + serial + "/release", signed("inspected, no damage", "quality", "APPROVED"));

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(line.scan("ASM-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        var event = awaitAction(serial, ElectronicSignature.class);
        var signature = (ElectronicSignature) event.body();
        assertThat(event.actor()).isEqualTo("quality");
        assertThat(signature.action()).isEqualTo(SignedAction.UNIT_RELEASE);
        assertThat(signature.subject()).isEqualTo(serial);
        assertThat(signature.printedName()).isEqualTo("quality");
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(signature.reason()).isEqualTo("inspected, no damage");
        assertThat(signature.signedAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        assertThat(event.origin()).isEqualTo("127.0.0.1");
    }

    @Test
    void wrongPasswordIsRefusedReleasesNothingAndTheRefusalIsAnAuditEntry() {
        var serial = heldUnit();

        var refused = quality.post(
                "/api/units/" + serial + "/release", signed("inspected, no damage", "not-my-password", "APPROVED"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-refused");
        assertThat(refused.body()).doesNotContain("not-my-password");
        assertThat(line.unitColumn(serial, "hold_reason")).isEqualTo("dropped on the floor");
        var event = awaitAction(serial, ElectronicSignatureRefused.class);
        assertThat(event.actor()).isEqualTo("quality");
        assertThat(((ElectronicSignatureRefused) event.body()).refusal()).isEqualTo(Refusal.WRONG_PASSWORD);
        assertThat(new String(AuditAction.CODEC.encode(event))).doesNotContain("not-my-password");
    }

    @Test
    void personNotAllowedToSignAReleaseIsRefusedWithTheirRightPasswordAndTheRefusalIsAnAuditEntry() {
        var serial = heldUnit();

        var refused = supervisor.post(
                "/api/units/" + serial + "/release", signed("looks fine to me", "supervisor", "RESPONSIBLE"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-not-allowed");
        assertThat(line.unitColumn(serial, "hold_reason")).isEqualTo("dropped on the floor");
        var event = awaitAction(serial, ElectronicSignatureRefused.class);
        assertThat(event.actor()).isEqualTo("supervisor");
        assertThat(((ElectronicSignatureRefused) event.body()).refusal()).isEqualTo(Refusal.NOT_ALLOWED);
    }

    @Test
    void releaseWithoutASignatureOrMeaningIsRefusedAndChangesNothing() {
        var serial = heldUnit();

        var unsigned = quality.post("/api/units/" + serial + "/release", "{\"reason\":\"inspected, no damage\"}");
        var meaningless = quality.post(
                "/api/units/" + serial + "/release",
                "{\"reason\":\"inspected\",\"signature\":{\"password\":\"quality\"}}");
        var unknownMeaning = quality.post(
                "/api/units/" + serial + "/release", signed("inspected, no damage", "quality", "WHATEVER"));

        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-required");
        assertThat(meaningless.status()).isEqualTo(400);
        assertThat(unknownMeaning.status()).isEqualTo(400);
        assertThat(line.unitColumn(serial, "hold_reason")).isEqualTo("dropped on the floor");
    }

    @Test
    void scrapIsSignedAsAReleaseIs() {
        var serial = line.newSerials(1).getFirst();

        var scrapped = supervisor.post(
                "/api/units/" + serial + "/scrap", signed("frame cracked", "supervisor", "RESPONSIBLE"));

        assertThat(scrapped.status()).as(scrapped.body()).isEqualTo(200);
        var signature = (ElectronicSignature)
                awaitAction(serial, ElectronicSignature.class).body();
        assertThat(signature.action()).isEqualTo(SignedAction.UNIT_SCRAP);
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.RESPONSIBLE);
        var operator = ApiClient.at(port).as("operator");
        var other = line.newSerials(1).getFirst();
        assertThat(operator.post("/api/units/" + other + "/scrap", signed("frame cracked", "operator", "RESPONSIBLE"))
                        .status())
                .isEqualTo(403);
        assertThat(line.scan("ASM-1", other).json().get("verdict").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aPersonsHoldReleaseAndScrapSayWhereThePersonActedFrom() {
        var serial = heldUnit();
        assertThat(quality.post(
                                "/api/units/" + serial + "/release",
                                signed("inspected, no damage", "quality", "APPROVED"))
                        .status())
                .isEqualTo(200);
        assertThat(supervisor
                        .post("/api/units/" + serial + "/scrap", signed("frame cracked", "supervisor", "RESPONSIBLE"))
                        .status())
                .isEqualTo(200);

        var events = TopicProbe.read(
                        Topics.UNIT_EVENTS,
                        WAIT,
                        record -> serial.equals(record.key())
                                && UnitEvent.CODEC.decode(record.value()).body() instanceof UnitScrapped)
                .stream()
                .filter(record -> serial.equals(record.key()))
                .map(record -> UnitEvent.CODEC.decode(record.value()))
                .toList();
        assertThat(events)
                .filteredOn(e -> e.body() instanceof UnitHeld
                        || e.body() instanceof UnitReleased
                        || e.body() instanceof UnitScrapped)
                .extracting(e -> e.body().getClass().getSimpleName() + " from " + e.origin())
                .containsExactly(
                        "UnitHeld from 127.0.0.1", "UnitReleased from 127.0.0.1", "UnitScrapped from 127.0.0.1");
        var scrap = TopicProbe.read(
                        Topics.AUDIT_ACTIONS,
                        WAIT,
                        record -> isSignatureOf(record.value(), serial, SignedAction.UNIT_SCRAP))
                .stream()
                .filter(record -> isSignatureOf(record.value(), serial, SignedAction.UNIT_SCRAP))
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .findFirst()
                .orElseThrow();
        assertThat(scrap.origin()).isEqualTo("127.0.0.1");
    }

    private static boolean isSignatureOf(byte[] value, String serial, SignedAction action) {
        return AuditAction.CODEC.decode(value).body() instanceof ElectronicSignature s
                && serial.equals(s.serial())
                && s.action() == action;
    }

    private static AuditActionEvent awaitAction(String serial, Class<? extends AuditAction> type) {
        return TopicProbe.read(Topics.AUDIT_ACTIONS, WAIT, record -> is(record.value(), serial, type)).stream()
                .filter(record -> is(record.value(), serial, type))
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " of " + serial));
    }

    private static boolean is(byte[] value, String serial, Class<? extends AuditAction> type) {
        var event = AuditAction.CODEC.decode(value);
        return type.isInstance(event.body())
                && switch (event.body()) {
                    case ElectronicSignature s -> serial.equals(s.serial());
                    case ElectronicSignatureRefused r -> serial.equals(r.serial());
                    default -> false;
                };
    }
}
