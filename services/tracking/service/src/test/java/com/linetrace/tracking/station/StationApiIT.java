package com.linetrace.tracking.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Serial;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.tracking.LineDriver;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient operator;
    LineDriver line;

    @BeforeEach
    void signIn() {
        operator = ApiClient.at(port).as("operator");
        line = new LineDriver(port, jdbc);
    }

    List<String> newSerials(int quantity) {
        return line.newSerials(quantity);
    }

    void walk(String serial, int lastSeq) {
        line.walk(serial, lastSeq);
    }

    ApiClient.Response scan(String station, String barcode) {
        return line.scan(station, barcode);
    }

    ApiClient.Response checkOut(String station, String serial, String result, List<String> defects) {
        return line.checkOut(station, serial, result, defects);
    }

    ApiClient.Response installPart(String station, String serial, String barcode) {
        return line.installPart(station, serial, barcode);
    }

    String unitColumn(String serial, String column) {
        return line.unitColumn(serial, column);
    }

    @Test
    void acceptsAUnitAtItsFirstStationAndNamesTheOperation() {
        var serial = newSerials(1).getFirst();
        var verdict = scan("ASM-1", serial);
        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json().get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(verdict.json().get("operation").asInt()).isEqualTo(10);
        assertThat(verdict.json().get("message").asString()).contains("op 10 Frame and arms");
        assertThat(unitColumn(serial, "checked_in_station")).isEqualTo("ASM-1");
    }

    @Test
    void rejectsAnUnknownSerial() {
        var neverIssued = Serial.issue("LTRC", 33_000_000_000L, 9).value();
        var verdict = scan("ASM-1", neverIssued).json();
        assertThat(verdict.get("verdict").asString()).isEqualTo("REJECTED");
        assertThat(verdict.get("code").asString()).isEqualTo("UNKNOWN_SERIAL");
        assertThat(verdict.get("message").asString()).contains("Unknown serial " + neverIssued);
    }

    @Test
    void rejectsABarcodeWithABadCheckCharacterAndChangesNothing() {
        var serial = newSerials(1).getFirst();
        var misread = serial.substring(0, serial.length() - 1) + (serial.endsWith("0") ? "1" : "0");
        var verdict = scan("ASM-1", misread).json();
        assertThat(verdict.get("code").asString()).isEqualTo("MALFORMED_BARCODE");
        assertThat(verdict.get("message").asString()).contains("check character");
        assertThat(unitColumn(serial, "status")).isEqualTo("ISSUED");
    }

    @Test
    void rejectsAUnitAtTheWrongStationNamingTheMissingStep() {
        var serial = newSerials(1).getFirst();
        walk(serial, 40);
        var verdict = scan("KEY-1", serial).json();
        assertThat(verdict.get("code").asString()).isEqualTo("WRONG_STATION");
        assertThat(verdict.get("message").asString()).contains("Step missing: op 50 Firmware");
        assertThat(unitColumn(serial, "next_seq")).isEqualTo("50");
    }

    @Test
    void rejectsAUnitAlreadyCompleted() {
        var serial = newSerials(1).getFirst();
        walk(serial, 100);
        assertThat(unitColumn(serial, "status")).isEqualTo("COMPLETED");
        var verdict = scan("PCK-1", serial).json();
        assertThat(verdict.get("code").asString()).isEqualTo("UNIT_COMPLETED");
    }

    @Test
    void failSendsTheUnitToRepairAndBackToTheFailedStep() {
        var serial = newSerials(1).getFirst();
        walk(serial, 70);
        assertThat(scan("TST-2", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        var fail =
                checkOut("TST-2", serial, "FAIL", List.of("MTR-CURRENT-HIGH")).json();
        assertThat(fail.get("message").asString()).contains("REPAIR");
        assertThat(scan("TST-2", serial).json().get("code").asString()).isEqualTo("WRONG_STATION");
        assertThat(scan("RPR-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");
        checkOut("RPR-1", serial, "PASS", List.of());
        assertThat(scan("TST-2", serial).json().get("operation").asInt()).isEqualTo(80);
    }

    @Test
    void recordsAScanSentTwiceOnce() {
        var serial = newSerials(1).getFirst();
        var scanId = UUID.randomUUID();
        var body = "{\"scanId\":\"" + scanId + "\",\"barcode\":\"" + serial + "\"}";
        var first = operator.post("/api/stations/ASM-1/scans", body).json();
        var second = operator.post("/api/stations/ASM-1/scans", body).json();
        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from tracking.scan where scan_id = :id", scanId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from tracking.outbox where message_key = :id and event_type = 'UnitsArrived'",
                        serial))
                .isEqualTo(1);
    }

    @Test
    void answersABouncingScannerWithTheFirstVerdict() {
        var serial = newSerials(1).getFirst();
        var first = scan("ASM-1", serial).json();
        var bounce = scan("ASM-1", serial).json();
        assertThat(bounce.get("scanId")).isEqualTo(first.get("scanId"));
        assertThat(count("select count(*) from tracking.operation_run where serial = :id", serial))
                .isEqualTo(1);
    }

    @Test
    void twoStationsRacingForOneUnitNeverBothSucceed() throws Exception {
        for (var serial : newSerials(10)) {
            var start = new CountDownLatch(1);
            var a = CompletableFuture.supplyAsync(() -> afterGate(start, () -> scan("ASM-1", serial)));
            var b = CompletableFuture.supplyAsync(() -> afterGate(start, () -> scan("ASM-2", serial)));
            start.countDown();
            var verdicts = List.of(
                    a.get().json().get("verdict").asString(),
                    b.get().json().get("verdict").asString());
            assertThat(verdicts).containsExactlyInAnyOrder("ACCEPTED", "REJECTED");
            assertThat(count("select count(*) from tracking.operation_run where serial = :id", serial))
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesRequestsThatAreNotScansWithProblemDetails() {
        var serial = newSerials(1).getFirst();
        var unknownStation = scan("NOPE-9", serial);
        assertThat(unknownStation.status()).isEqualTo(404);
        assertThat(unknownStation.isProblem()).isTrue();
        assertThat(unknownStation.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unknown-station");

        var malformed = operator.post("/api/stations/ASM-1/scans", "{\"barcode\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        var missing = operator.post("/api/stations/ASM-1/scans", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("barcode");

        var wrongType = operator.post("/api/stations/ASM-1/scans", "text/plain", serial);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.isProblem())
                .as(wrongType.contentType() + " " + wrongType.body())
                .isTrue();

        var oversized = operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + "A".repeat(100_000) + "\"}");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.isProblem()).isTrue();

        var failWithoutDefects = checkOut("ASM-1", serial, "FAIL", List.of());
        assertThat(failWithoutDefects.status()).isEqualTo(400);
        assertThat(failWithoutDefects.json().get("detail").asString()).contains("defect code");

        assertThat(unitColumn(serial, "status")).isEqualTo("ISSUED");
    }

    @Test
    void refusesCallersWithoutTheRightRole() {
        var serial = newSerials(1).getFirst();
        var anonymous = ApiClient.at(port).post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        var wrongPassword = ApiClient.at(port)
                .as("operator", "guess")
                .post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        var quality =
                ApiClient.at(port).as("quality").post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
        assertThat(quality.status()).isEqualTo(403);
        assertThat(quality.isProblem()).isTrue();
        assertThat(unitColumn(serial, "status")).isEqualTo("ISSUED");
    }

    @Test
    void refusesPassUntilEveryPartIsScannedAndTracesEachPart() {
        var serial = newSerials(1).getFirst();
        walk(serial, 10);
        scan("ASM-1", serial);
        var early = checkOut("ASM-1", serial, "PASS", List.of()).json();
        assertThat(early.get("code").asString()).isEqualTo("PARTS_MISSING");
        assertThat(early.get("message").asString()).contains("4 × MTR-2207", "4 × ESC-40A");

        assertThat(installPart("ASM-1", serial, "FC-H7;S=X1").json().get("code").asString())
                .isEqualTo("PART_NOT_IN_BILL_OF_MATERIALS");
        assertThat(installPart("ASM-1", serial, "ESC-40A;L=LOT1")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("MALFORMED_PART_BARCODE");
        assertThat(installPart("ASM-1", serial, "ESC-40A").json().get("code").asString())
                .isEqualTo("MALFORMED_PART_BARCODE");
        var escSerial = "E40A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(installPart("ASM-1", serial, "ESC-40A;S=" + escSerial)
                        .json()
                        .get("verdict")
                        .asString())
                .isEqualTo("ACCEPTED");

        var other = newSerials(1).getFirst();
        walk(other, 10);
        scan("ASM-2", other);
        var reused = installPart("ASM-2", other, "ESC-40A;S=" + escSerial).json();
        assertThat(reused.get("code").asString()).isEqualTo("PART_ALREADY_INSTALLED");
        assertThat(reused.get("message").asString()).contains("already installed in unit " + serial);

        line.installAllParts("ASM-1", serial, "LOT-2611");
        assertThat(installPart("ASM-1", serial, "MTR-2207;L=LOT-2611")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("PART_QUANTITY_COMPLETE");
        assertThat(checkOut("ASM-1", serial, "PASS", List.of())
                        .json()
                        .get("verdict")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(count("select count(*) from tracking.installed_part where serial = :id", serial))
                .isEqualTo(5 + 8);
        assertThat(count(
                        "select count(*) from tracking.outbox where message_key = :id and event_type = 'MaterialsInstalled'",
                        serial))
                .isEqualTo(13);
    }

    @Test
    void refusesPackOutUntilProvisioningIsVerified() {
        var serial = newSerials(1).getFirst();
        walk(serial, 90);
        var refused = scan("PCK-1", serial).json();
        assertThat(refused.get("code").asString()).isEqualTo("PROVISIONING_MISSING");
        assertThat(refused.get("message").asString()).contains("firmware of flight controller", "key injection");
        line.verifyProvisioning(serial);
        // A new scan after the debounce window, which would otherwise repeat the first answer.
        await().pollDelay(Duration.ofMillis(400))
                .untilAsserted(() -> assertThat(
                                scan("PCK-1", serial).json().get("verdict").asString())
                        .isEqualTo("ACCEPTED"));
    }

    @Test
    void aStationsRolesApplyToPartScansAndCheckOutsToo() {
        var id = "SUP-" + shortId().substring(0, 4);
        var created = ApiClient.at(port)
                .as("engineer")
                .post(
                        "/api/stations",
                        "{\"id\":\"" + id + "\",\"lineId\":\"L1\",\"kind\":\"ASSEMBLY\","
                                + "\"flowOrder\":16,\"name\":\"Supervised bench\",\"allowedRoles\":[\"SUPERVISOR\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var supervisor = ApiClient.at(port).as("supervisor");
        var serial = newSerials(1).getFirst();
        assertThat(supervisor
                        .post("/api/stations/" + id + "/scans", "{\"barcode\":\"" + serial + "\"}")
                        .json()
                        .get("verdict")
                        .asString())
                .isEqualTo("ACCEPTED");

        var part = installPart(id, serial, "FRM-AX4;L=LOT-2611").json();
        assertThat(part.get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(part.get("message").asString()).contains("SUPERVISOR");
        var out = checkOut(id, serial, "FAIL", List.of("SCREW-TORQUE")).json();
        assertThat(out.get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(count("select count(*) from tracking.installed_part where serial = :id", serial))
                .isZero();
        assertThat(unitColumn(serial, "checked_in_station")).isEqualTo(id);
        assertThat(unitColumn(serial, "failures")).isEqualTo("0");

        var allowed = supervisor.post(
                "/api/stations/" + id + "/materials",
                "{\"serial\":\"" + serial + "\",\"barcode\":\"FRM-AX4;L=LOT-2611\"}");
        assertThat(allowed.json().get("verdict").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void recordsALongPartLabelWholeAndRefusesOneLongerThanTheGrammarAllows() {
        var engineer = ApiClient.at(port).as("engineer");
        var model = "LBL-" + shortId().substring(0, 4);
        var partNumber = "HARNESS-AX4-POWER-DIST-BOARD";
        assertThat(engineer.post("/api/models", "{\"id\":\"" + model + "\",\"name\":\"Long labels\"}")
                        .status())
                .isEqualTo(201);
        var route = engineer.post("/api/models/" + model + "/routes", """
                {"maxFailures":2,"requiresKey":false,"operations":[
                  {"seq":10,"name":"Harness","stationKind":"ASSEMBLY","parts":[
                    {"partNumber":"%s","description":"Power harness","quantity":2,"serialized":false}]},
                  {"seq":20,"name":"Pack","stationKind":"PACK"}]}""".formatted(partNumber));
        assertThat(route.status()).as(route.body()).isEqualTo(201);
        // A new version is followed once a second person approves it (DD021).
        assertThat(ApiClient.at(port)
                        .as("quality")
                        .post(
                                "/api/models/" + model + "/routes/1/approval",
                                "{\"reason\":\"Reviewed\",\"signature\":{\"password\":\"quality\","
                                        + "\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);
        var serial = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"" + model + "\",\"line\":\"L1\",\"quantity\":1}")
                .json()
                .get("serials")
                .get(0)
                .asString();
        assertThat(scan("ASM-1", serial).json().get("verdict").asString()).isEqualTo("ACCEPTED");

        var lot = "LOT-2611-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 28).toUpperCase();
        var label = partNumber + ";L=" + lot;
        assertThat(label).hasSize(68);
        var installed = installPart("ASM-1", serial, label).json();
        assertThat(installed.get("verdict").asString()).as(installed.toString()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select lot from tracking.installed_part where serial = :id")
                        .param("id", serial)
                        .query(String.class)
                        .single())
                .isEqualTo(lot);
        assertThat(jdbc.sql("select barcode from tracking.scan where scan_id = :id")
                        .param("id", UUID.fromString(installed.get("scanId").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo(label);
        var quarantine = ApiClient.at(port)
                .as("quality")
                .post(
                        "/api/lots/quarantine",
                        "{\"partNumber\":\"" + partNumber + "\",\"lot\":\"" + lot + "\",\"reason\":\"chafed\"}");
        assertThat(quarantine.json().get("held").toString()).contains(serial);

        var release = ApiClient.at(port)
                .as("quality")
                .post(
                        "/api/units/" + serial + "/release",
                        "{\"reason\":\"harness replaced\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}");
        assertThat(release.status()).isEqualTo(200);
        var tooLong = partNumber + ";L=" + "LOT-" + "7".repeat(36) + "-X" + "9".repeat(12);
        var refused = installPart("ASM-1", serial, tooLong).json();
        assertThat(refused.get("code").asString()).isEqualTo("MALFORMED_PART_BARCODE");
        assertThat(refused.get("message").asString()).contains("at most 80");
        assertThat(count("select count(*) from tracking.installed_part where serial = :id", serial))
                .isEqualTo(1);
    }

    /** Two stations installing one part serial at the same moment: one installs it, the other is told why not. */
    @Test
    void twoStationsInstallingOnePartSerialAtOnceGetOneInstallationAndOneRefusal() throws Exception {
        var pairs = 10;
        var roundsPerPair = 4; // op 20 takes 4 ESCs: neither unit of a pair fills up within its rounds
        var serials = newSerials(2 * pairs);
        for (var serial : serials) {
            walk(serial, 10);
        }
        for (int pair = 0; pair < pairs; pair++) {
            var a = serials.get(2 * pair);
            var b = serials.get(2 * pair + 1);
            assertThat(scan("ASM-1", a).json().get("verdict").asString()).isEqualTo("ACCEPTED");
            assertThat(scan("ASM-2", b).json().get("verdict").asString()).isEqualTo("ACCEPTED");
            for (int round = 0; round < roundsPerPair; round++) {
                var esc = "ESC-40A;S=R" + shortId();
                var start = new CountDownLatch(1);
                var first = CompletableFuture.supplyAsync(() -> afterGate(start, () -> installPart("ASM-1", a, esc)));
                var second = CompletableFuture.supplyAsync(() -> afterGate(start, () -> installPart("ASM-2", b, esc)));
                start.countDown();
                var answers = List.of(first.get(), second.get());
                for (var answer : answers) {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                }
                var verdicts = answers.stream()
                        .map(r -> r.json().get("verdict").asString() + " "
                                + (r.json().get("code").isNull()
                                        ? ""
                                        : r.json().get("code").asString()))
                        .toList();
                assertThat(verdicts).containsExactlyInAnyOrder("ACCEPTED ", "REJECTED PART_ALREADY_INSTALLED");
                assertThat(count(
                                "select count(*) from tracking.installed_part where part_serial = :id",
                                esc.substring(esc.indexOf("S=") + 2)))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aScanIdIsScopedToItsStationAndAction() {
        var serials = newSerials(2);
        var scanId = UUID.randomUUID();
        var first = operator.post(
                        "/api/stations/ASM-1/scans",
                        "{\"scanId\":\"" + scanId + "\",\"barcode\":\"" + serials.get(0) + "\"}")
                .json();
        assertThat(first.get("verdict").asString()).isEqualTo("ACCEPTED");

        var elsewhere = operator.post(
                        "/api/stations/ASM-2/scans",
                        "{\"scanId\":\"" + scanId + "\",\"barcode\":\"" + serials.get(1) + "\"}")
                .json();
        assertThat(elsewhere.get("stationId").asString()).isEqualTo("ASM-2");
        assertThat(elsewhere.get("serial").asString()).isEqualTo(serials.get(1));
        assertThat(elsewhere.get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(unitColumn(serials.get(1), "checked_in_station")).isEqualTo("ASM-2");

        var part = operator.post(
                        "/api/stations/ASM-1/materials",
                        "{\"scanId\":\"" + scanId + "\",\"serial\":\"" + serials.get(0)
                                + "\",\"barcode\":\"FRM-AX4;L=LOT-2611\"}")
                .json();
        assertThat(part.get("action").asString()).isEqualTo("INSTALL_PART");
        assertThat(part.get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(count("select count(*) from tracking.scan where scan_id = :id", scanId))
                .isEqualTo(3);
    }

    @Test
    void refusesAScanIdReusedWithADifferentRequest() {
        var serials = newSerials(2);
        var scanId = UUID.randomUUID();
        var body = "{\"scanId\":\"" + scanId + "\",\"barcode\":\"" + serials.get(0) + "\"}";
        var first = operator.post("/api/stations/ASM-1/scans", body);
        assertThat(first.json().get("verdict").asString()).isEqualTo("ACCEPTED");

        var otherUnit = operator.post(
                "/api/stations/ASM-1/scans", "{\"scanId\":\"" + scanId + "\",\"barcode\":\"" + serials.get(1) + "\"}");
        assertThat(otherUnit.status()).isEqualTo(409);
        assertThat(otherUnit.isProblem()).isTrue();
        assertThat(otherUnit.json().get("type").asString()).isEqualTo("urn:linetrace:problem:scan-id-reused");
        assertThat(otherUnit.json().get("detail").asString()).contains(scanId.toString(), "different");
        assertThat(unitColumn(serials.get(1), "status")).isEqualTo("ISSUED");

        var otherWorker = ApiClient.at(port).as("supervisor").post("/api/stations/ASM-1/scans", body);
        assertThat(otherWorker.status()).isEqualTo(409);

        var checkOut = operator.post(
                "/api/stations/ASM-1/check-outs",
                "{\"scanId\":\"" + UUID.randomUUID() + "\",\"serial\":\"" + serials.get(0)
                        + "\",\"result\":\"FAIL\",\"defects\":[\"SCREW-TORQUE\"]}");
        assertThat(checkOut.json().get("verdict").asString()).isEqualTo("ACCEPTED");
        var checkOutId = checkOut.json().get("scanId").asString();
        var changedResult = operator.post(
                "/api/stations/ASM-1/check-outs",
                "{\"scanId\":\"" + checkOutId + "\",\"serial\":\"" + serials.get(0)
                        + "\",\"result\":\"FAIL\",\"defects\":[\"LABEL-MISSING\"]}");
        assertThat(changedResult.status()).isEqualTo(409);

        assertThat(operator.post("/api/stations/ASM-1/scans", body).json()).isEqualTo(first.json());
        assertThat(count("select count(*) from tracking.scan where scan_id = :id", scanId))
                .isEqualTo(1);
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    static <T> T afterGate(CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
