package com.linetrace.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How tracking's HTTP API answers what it cannot serve: one vocabulary of problem types, never a 500 for bad input. */
@IntegrationTest
class ProblemAnswersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient supervisor;
    ApiClient quality;
    LineDriver line;

    @BeforeEach
    void signIn() {
        supervisor = ApiClient.at(port).as("supervisor");
        quality = ApiClient.at(port).as("quality");
        line = new LineDriver(port, jdbc);
    }

    @Test
    void answersWhatDoesNotExistWith404AndItsType() {
        var serial = line.newSerials(1).getFirst();
        assertProblem(
                supervisor.post("/api/stations/NOPE-9/scans", "{\"barcode\":\"" + serial + "\"}"),
                404,
                "unknown-station",
                "No station has the id 'NOPE-9'");
        assertProblem(
                supervisor.get("/api/stations/ASM-1/work/" + serial),
                404,
                "not-checked-in",
                "Unit " + serial + " is not checked in at ASM-1");
        assertProblem(
                supervisor.get("/api/work-orders/WO-999999"), 404, "unknown-work-order", "No work order WO-999999");
        assertProblem(supervisor.get("/api/lines/L9/status"), 404, "unknown-line", "No line has the id 'L9'");
        var neverIssued =
                com.linetrace.contracts.Serial.issue("LTRC", 33_000_000_001L, 9).value();
        assertProblem(
                quality.post(
                        "/api/units/" + neverIssued + "/release",
                        "{\"reason\":\"found it\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}"),
                404,
                "unknown-serial",
                "Unknown serial " + neverIssued);
        assertProblem(
                supervisor.post(
                        "/api/units/" + neverIssued + "/scrap",
                        "{\"reason\":\"dropped it\",\"signature\":{\"password\":\"supervisor\",\"meaning\":\"RESPONSIBLE\"}}"),
                404,
                "unknown-serial",
                "Unknown serial " + neverIssued);
        var unknownPath = supervisor.get("/api/stations/ASM-1/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
    }

    @Test
    void refusesMalformedIdsWith400SayingWhatIsWrong() {
        assertProblem(
                supervisor.get("/api/stations/asm-1/scans"),
                400,
                "invalid-id",
                "The station id has the small letter 'a' at position 1; it uses only capitals, digits and dashes");
        assertProblem(
                supervisor.get("/api/lines/" + "L".repeat(21) + "/status"),
                400,
                "invalid-id",
                "The line id has 21 characters; it has at most 20");
        assertProblem(
                supervisor.get("/api/work-orders/PO-000001"), 400, "invalid-id", "A work order number starts with WO-");
        assertProblem(
                supervisor.get("/api/stations/ASM-1/work/LTRC"),
                400,
                "invalid-id",
                "The barcode has 4 characters; a serial has at least 6");
        var count = workOrderCount();
        assertProblem(
                supervisor.post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"l1\",\"quantity\":1}"),
                400,
                "invalid-id",
                "The line id has the small letter 'l' at position 1; it uses only capitals, digits and" + " dashes");
        assertProblem(
                quality.post("/api/holds", "{\"workOrder\":\"WO-12\",\"reason\":\"wrong label stock\"}"),
                400,
                "invalid-id",
                "A work order number is WO- and at least 6 digits");
        assertProblem(
                supervisor.get("/api/work-orders?limit=many"),
                400,
                "invalid-parameter",
                "The parameter limit is not valid");
        assertThat(workOrderCount()).isEqualTo(count);
    }

    @Test
    void answersAnUnexpectedFailureWith500AndAnIncidentIdOnly() {
        var serial = line.newSerials(1).getFirst();
        // A unit checked in for an operation its route does not have: no request can cause it, only broken data.
        jdbc.sql("update tracking.unit set checked_in_station = 'ASM-1', checked_in_seq = 999 where serial = :s")
                .param("s", serial)
                .update();

        var answer = supervisor.get("/api/stations/ASM-1/work/" + serial);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:linetrace:problem:internal");
        assertThat(answer.json().get("detail").asString())
                .matches("Something went wrong on our side; quote incident [0-9a-f-]{36}");
        assertThat(answer.body()).doesNotContain("java.", "Exception", "tracking.unit", "999", "at com.");
    }

    private long workOrderCount() {
        return jdbc.sql("select count(*) from tracking.work_order")
                .query(Long.class)
                .single();
    }

    private static void assertProblem(ApiClient.Response answer, int status, String code, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:linetrace:problem:" + code);
        assertThat(answer.json().get("detail").asString()).isEqualTo(detail);
    }
}
