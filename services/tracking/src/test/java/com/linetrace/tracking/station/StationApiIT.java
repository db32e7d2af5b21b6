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
