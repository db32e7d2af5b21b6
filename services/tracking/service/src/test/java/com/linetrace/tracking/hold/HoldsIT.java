package com.linetrace.tracking.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import com.linetrace.tracking.LineDriver;
import com.linetrace.tracking.api.UnitStatuses;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class HoldsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnitStatuses statuses;

    LineDriver line;
    ApiClient quality;

    @BeforeEach
    void setUp() {
        line = new LineDriver(port, jdbc);
        quality = ApiClient.at(port).as("quality");
    }

    @Test
    void quarantiningALotHoldsItsUnitsAndRefusesItAtEveryStation() {
        var lot = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var serials = line.newSerials(2);
        var contaminated = serials.get(0);
        line.walk(contaminated, 10, lot);

        var outcome = quality.post(
                "/api/lots/quarantine",
                "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\",\"reason\":\"cracked arm hinges\"}");
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        assertThat(outcome.json().get("held").get(0).asString()).isEqualTo(contaminated);

        var refused = line.scan("ASM-1", contaminated).json();
        assertThat(refused.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(refused.get("message").asString()).contains("cracked arm hinges");

        var clean = serials.get(1);
        line.scan("ASM-1", clean);
        var lotRefused = line.installPart("ASM-1", clean, "ARM-AX4;L=" + lot).json();
        assertThat(lotRefused.get("code").asString()).isEqualTo("LOT_QUARANTINED");
    }

    @Test
    void onlyQualityReleasesAHoldAndOnlyWithAReason() {
        var serial = line.newSerials(1).getFirst();
        var supervisor = ApiClient.at(port).as("supervisor");
        assertThat(supervisor
                        .post("/api/holds", "{\"serials\":[\"" + serial + "\"],\"reason\":\"dropped on the floor\"}")
                        .status())
                .isEqualTo(200);
        assertThat(line.unitColumn(serial, "hold_reason")).isEqualTo("dropped on the floor");

        assertThat(supervisor
                        .post(
                                "/api/units/" + serial + "/release",
                                "{\"reason\":\"looks fine\",\"signature\":{\"password\":\"supervisor\",\"meaning\":\"RESPONSIBLE\"}}")
                        .status())
                .isEqualTo(403);
        var noReason = quality.post(
                "/api/units/" + serial + "/release",
                "{\"reason\":\"\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.isProblem()).isTrue();
        assertThat(line.unitColumn(serial, "hold_reason")).isNotNull();

        assertThat(quality.post(
                                "/api/units/" + serial + "/release",
                                "{\"reason\":\"inspected, no damage\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(line.scan("ASM-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void scrapIsFinal() {
        var serial = line.newSerials(1).getFirst();
        assertThat(quality.post(
                                "/api/units/" + serial + "/scrap",
                                "{\"reason\":\"frame cracked\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(line.scan("ASM-1", serial).json().get("code").asString()).isEqualTo("UNIT_SCRAPPED");
        var again = quality.post(
                "/api/units/" + serial + "/scrap",
                "{\"reason\":\"frame cracked\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).contains("already scrapped");
    }

    @Test
    void holdsAWholeWorkOrder() {
        var released = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":3}")
                .json();
        var workOrder = released.get("number").asString();
        var labels =
                ApiClient.at(port).as("supervisor").get("/api/work-orders/" + workOrder + "/labels", "application/pdf");
        assertThat(labels.status()).isEqualTo(200);
        assertThat(labels.contentType()).isEqualTo("application/pdf");
        assertThat(labels.body()).startsWith("%PDF");
        assertThat(ApiClient.at(port)
                        .as("operator")
                        .get("/api/work-orders/" + workOrder + "/labels", "application/pdf")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .get("/api/work-orders/WO-999999/labels")
                        .status())
                .isEqualTo(404);
        var outcome =
                quality.post("/api/holds", "{\"workOrder\":\"" + workOrder + "\",\"reason\":\"wrong label stock\"}");
        assertThat(outcome.json().get("held")).hasSize(3);
    }

    @Test
    void packOutFollowsProvisioningVerdictsAndARevokedFirmwareHoldsTheUnit() {
        var serial = line.newSerials(1).getFirst();
        line.walk(serial, 90);
        for (var module : new FirmwareModule[] {
            FirmwareModule.FLIGHT_CONTROLLER, FirmwareModule.ESC, FirmwareModule.GIMBAL, FirmwareModule.REMOTE_LINK
        }) {
            publish(serial, new FirmwareVerified(UUID.randomUUID(), "AX4-ENT", module, "1.0.0", hash(), "FX-1"));
        }
        publish(serial, new KeyInjectionVerified("ab12", "CN=" + serial, "CN=Plant CA", "SE-1", "IDENTITY"));
        await().atMost(Duration.ofSeconds(20)).until(() -> verifiedItems(serial) == 5);

        publish(
                serial,
                new FirmwareReleaseRevoked(
                        UUID.randomUUID(), "AX4-ENT", FirmwareModule.GIMBAL, "1.0.0", hash(), "gimbal drift"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(line.unitColumn(serial, "hold_reason")).contains("gimbal drift"));
        assertThat(line.scan("PCK-1", serial).json().get("code").asString()).isEqualTo("UNIT_HELD");

        // The recall's scope as quality sees it.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "quality", null, AuthorityUtils.createAuthorityList("ROLE_QUALITY")));
        try {
            assertThat(statuses.of(new UnitStatuses.Serials(java.util.List.of(serial, "LTRCA0000000010X"))))
                    .containsExactly(java.util.Map.entry(serial, "IN_PROGRESS (held)"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void firmwareVerifiedForAnotherModelDoesNotCountTowardsPackOut() {
        var serial = line.newSerials(1).getFirst();
        publish(
                serial,
                new FirmwareVerified(
                        UUID.randomUUID(), "AX9-RACE", FirmwareModule.FLIGHT_CONTROLLER, "1.0.0", hash(), "FX-1"));
        publish(serial, new KeyInjectionVerified("ab12", "CN=" + serial, "CN=Plant CA", "SE-1", "IDENTITY"));
        await().atMost(Duration.ofSeconds(20)).until(() -> verifiedItems(serial) == 1);
        assertThat(jdbc.sql("""
                        select verified, detail from tracking.unit_provisioning
                        where serial = :s and item = 'FIRMWARE:FLIGHT_CONTROLLER'""")
                        .param("s", serial)
                        .query((rs, n) -> rs.getBoolean("verified") + " " + rs.getString("detail"))
                        .single())
                .startsWith("false")
                .contains("AX9-RACE")
                .contains("AX4-ENT");
    }

    @Test
    void aDuplicateDeviceKeyHoldsTheUnit() {
        var serial = line.newSerials(1).getFirst();
        publish(
                serial,
                new KeyInjectionRejected(
                        KeyInjectionRejected.Code.DUPLICATE_KEY,
                        "the same public key was reported by another unit",
                        "ff00"));
        // Until the hold arrives the column is null, which the query reports as an exception: wait through it.
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(line.unitColumn(serial, "hold_reason")).contains("duplicate device key"));
    }

    @Test
    void aUnitHeldWhileCheckedInAtPackOutIsStoppedWhereItStands() {
        var serial = line.newSerials(1).getFirst();
        line.walk(serial, 90);
        line.verifyProvisioning(serial);
        assertThat(line.scan("PCK-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .post("/api/holds", "{\"serials\":[\"" + serial + "\"],\"reason\":\"box crushed\"}")
                        .status())
                .isEqualTo(200);

        var part = line.installPart("PCK-1", serial, "BAT-6S;S=B" + shortId()).json();
        assertThat(part.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(part.get("message").asString()).contains("box crushed");
        var pass = line.checkOut("PCK-1", serial, "PASS", java.util.List.of()).json();
        assertThat(pass.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(pass.get("message").asString()).contains("box crushed");
        var fail = line.checkOut("PCK-1", serial, "FAIL", java.util.List.of("LABEL-MISSING"))
                .json();
        assertThat(fail.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(line.unitColumn(serial, "status")).isEqualTo("IN_PROGRESS");
        assertThat(line.unitColumn(serial, "checked_in_station")).isEqualTo("PCK-1");
        assertThat(installedParts(serial, 100)).isZero();

        // Released by quality, the unit carries on from where it stood.
        assertThat(quality.post(
                                "/api/units/" + serial + "/release",
                                "{\"reason\":\"box replaced\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);
        line.installAllParts("PCK-1", serial, "LOT-2611");
        var packed = line.checkOut("PCK-1", serial, "PASS", java.util.List.of()).json();
        assertThat(packed.get("verdict").asString()).as(packed.toString()).isEqualTo("ACCEPTED");
        assertThat(line.unitColumn(serial, "status")).isEqualTo("COMPLETED");
    }

    @Test
    void aRevocationOrADuplicateKeyArrivingWhileCheckedInStopsTheUnit() {
        var serials = line.newSerials(2);
        var revoked = serials.get(0);
        line.walk(revoked, 90);
        line.verifyProvisioning(revoked);
        assertThat(line.scan("PCK-1", revoked).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        line.installAllParts("PCK-1", revoked, "LOT-2611");
        publish(
                revoked,
                new FirmwareReleaseRevoked(
                        UUID.randomUUID(), "AX4-ENT", FirmwareModule.ESC, "1.0.0", hash(), "ESC brown-out"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(line.unitColumn(revoked, "hold_reason")).contains("ESC brown-out"));
        var pass = line.checkOut("PCK-1", revoked, "PASS", java.util.List.of()).json();
        assertThat(pass.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(pass.get("message").asString()).contains("ESC brown-out");
        assertThat(line.unitColumn(revoked, "status")).isEqualTo("IN_PROGRESS");

        var duplicate = serials.get(1);
        line.walk(duplicate, 50);
        assertThat(line.scan("KEY-1", duplicate).json().get("verdict").asString())
                .isEqualTo("ACCEPTED");
        publish(
                duplicate,
                new KeyInjectionRejected(
                        KeyInjectionRejected.Code.DUPLICATE_KEY,
                        "the same public key was reported by another unit",
                        "ff01"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(line.unitColumn(duplicate, "hold_reason")).contains("duplicate device key"));
        var out = line.checkOut("KEY-1", duplicate, "PASS", java.util.List.of()).json();
        assertThat(out.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(line.unitColumn(duplicate, "next_seq")).isEqualTo("60");
    }

    @Test
    void aPackOutWhoseProvisioningWasWithdrawnWhileCheckedInIsRefused() {
        var serial = line.newSerials(1).getFirst();
        line.walk(serial, 90);
        line.verifyProvisioning(serial);
        assertThat(line.scan("PCK-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        line.installAllParts("PCK-1", serial, "LOT-2611");
        // A later flash of the gimbal failed verification: what pack-out relied on is gone.
        jdbc.sql(
                        "update tracking.unit_provisioning set verified = false where serial = :s and item = 'FIRMWARE:GIMBAL'")
                .param("s", serial)
                .update();
        var pass = line.checkOut("PCK-1", serial, "PASS", java.util.List.of()).json();
        assertThat(pass.get("code").asString()).isEqualTo("PROVISIONING_MISSING");
        assertThat(pass.get("message").asString()).contains("firmware of gimbal");
        assertThat(line.unitColumn(serial, "status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLotQuarantinedWhileItsUnitIsCheckedInStopsPartScansAndCheckOut() {
        var lot = "Q" + shortId();
        var serial = line.newSerials(1).getFirst();
        assertThat(line.scan("ASM-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(line.installPart("ASM-1", serial, "ARM-AX4;L=" + lot)
                        .json()
                        .get("verdict")
                        .asString())
                .isEqualTo("ACCEPTED");
        quarantine("ARM-AX4", lot);

        var part = line.installPart("ASM-1", serial, "FRM-AX4;L=F" + shortId()).json();
        assertThat(part.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(part.get("message").asString()).contains("lot " + lot);
        var out = line.checkOut("ASM-1", serial, "FAIL", java.util.List.of("SCREW-TORQUE"))
                .json();
        assertThat(out.get("code").asString()).isEqualTo("UNIT_HELD");
        assertThat(installedParts(serial, 10)).isEqualTo(1);
        assertThat(line.unitColumn(serial, "checked_in_station")).isEqualTo("ASM-1");
    }

    @Test
    void partScansAndCheckOutsOfAScrappedUnitAreRefusedWithTheReason() {
        var serial = line.newSerials(1).getFirst();
        assertThat(line.scan("ASM-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(quality.post(
                                "/api/units/" + serial + "/scrap",
                                "{\"reason\":\"frame delaminated\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);
        var part = line.installPart("ASM-1", serial, "FRM-AX4;L=F1").json();
        assertThat(part.get("code").asString()).isEqualTo("UNIT_SCRAPPED");
        assertThat(part.get("message").asString()).contains("frame delaminated");
        var out = line.checkOut("ASM-1", serial, "PASS", java.util.List.of()).json();
        assertThat(out.get("code").asString()).isEqualTo("UNIT_SCRAPPED");
        assertThat(out.get("message").asString()).contains("frame delaminated");
        assertThat(line.scan("ASM-1", serial).json().get("message").asString()).contains("frame delaminated");
        assertThat(installedParts(serial, 10)).isZero();
    }

    /**
     * A lot quarantined while one of its parts is being installed: whichever comes first, no unit ends up with a
     * part of the quarantined lot and without a hold.
     */
    @Test
    void aQuarantineRacingAnInstallationNeverLeavesTheLotInAnUnheldUnit() throws Exception {
        var rounds = 40;
        var serials = line.newSerials(rounds);
        for (var serial : serials) {
            assertThat(line.scan("ASM-1", serial).json().get("verdict").asString())
                    .isEqualTo("ACCEPTED");
        }
        var installedFirst = 0;
        for (var serial : serials) {
            var lot = "R" + shortId();
            var start = new java.util.concurrent.CountDownLatch(1);
            var install = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> afterGate(start, () -> line.installPart("ASM-1", serial, "ARM-AX4;L=" + lot)));
            var quarantine = java.util.concurrent.CompletableFuture.supplyAsync(() -> afterGate(
                    start,
                    () -> quality.post(
                            "/api/lots/quarantine",
                            "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\",\"reason\":\"race\"}")));
            start.countDown();
            var installed = install.get();
            var quarantined = quarantine.get();
            assertThat(installed.status()).as(installed.body()).isEqualTo(200);
            assertThat(quarantined.status()).as(quarantined.body()).isEqualTo(200);
            var verdict = installed.json();
            var inUnit = jdbc.sql("select count(*) from tracking.installed_part where serial = :s and lot = :lot")
                    .param("s", serial)
                    .param("lot", lot)
                    .query(Long.class)
                    .single();
            var hold = jdbc.sql("select coalesce(hold_reason, '') from tracking.unit where serial = :s")
                    .param("s", serial)
                    .query(String.class)
                    .single();
            if (verdict.get("verdict").asString().equals("ACCEPTED")) {
                installedFirst++;
                assertThat(inUnit).isEqualTo(1);
                assertThat(hold).as("round of " + serial).contains("lot " + lot);
                assertThat(quarantined.json().get("held").toString()).contains(serial);
            } else {
                assertThat(verdict.get("code").asString()).isEqualTo("LOT_QUARANTINED");
                assertThat(inUnit).isZero();
                assertThat(hold).isEmpty();
            }
        }
        // Not a proof of interleaving, only that both orders were seen over the rounds.
        System.out.println("quarantine race: installation first in " + installedFirst + " of " + rounds);
    }

    private long installedParts(String serial, int seq) {
        return jdbc.sql("select count(*) from tracking.installed_part where serial = :s and seq = :seq")
                .param("s", serial)
                .param("seq", seq)
                .query(Long.class)
                .single();
    }

    private void quarantine(String partNumber, String lot) {
        var outcome = quality.post(
                "/api/lots/quarantine",
                "{\"partNumber\":\"" + partNumber + "\",\"lot\":\"" + lot + "\",\"reason\":\"bad hinge batch\"}");
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static <T> T afterGate(java.util.concurrent.CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }

    private long verifiedItems(String serial) {
        return jdbc.sql("select count(*) from tracking.unit_provisioning where serial = :s and verified")
                .param("s", serial)
                .query(Long.class)
                .single();
    }

    private static Sha256 hash() {
        return Sha256.parse("a".repeat(64));
    }

    private static void publish(String serial, ProvisioningEvent body) {
        var event = new EventEnvelope<ProvisioningEvent>(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                "L1",
                null,
                Serial.parse(serial),
                "provisioning",
                body);
        TopicProbe.send(Topics.PROVISIONING_EVENTS, serial, ProvisioningEvent.CODEC.encode(event));
    }
}
