package com.linetrace.tracking.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.tracking.LineDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free text that a consumer of the unit's events could not store or read (a NUL, a lone surrogate, other control
 * characters) is refused where it enters, with a 400 naming the field, and nothing is recorded. The bodies carry
 * the characters as JSON escapes, as a careless or hostile client would send them.
 */
@IntegrationTest
class FreeTextIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LineDriver line;
    ApiClient quality;

    @BeforeEach
    void setUp() {
        line = new LineDriver(port, jdbc);
        quality = ApiClient.at(port).as("quality");
    }

    /** A NUL, a lone high and a lone low surrogate, an escape character, a noncharacter, a bidi override. */
    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\uD800", "\\uDC00", "\\u001B", "\\uFFFE", "\\u202E"})
    void refusesAHoldReasonThatNoConsumerCouldRecord(String character) {
        var serial = line.newSerials(1).getFirst();
        var answer = quality.post(
                "/api/holds", "{\"serials\":[\"" + serial + "\"],\"reason\":\"dropped " + character + " twice\"}");
        assertRefused(answer, "reason");
        assertThat(jdbc.sql("select count(*) from tracking.unit where serial = :serial and hold_reason is null")
                        .param("serial", serial)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(eventsOf(serial)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\uD800"})
    void refusesBrokenTextInReleaseScrapAndQuarantineReasons(String character) {
        var serial = line.newSerials(1).getFirst();
        assertThat(quality.post("/api/holds", "{\"serials\":[\"" + serial + "\"],\"reason\":\"dropped twice\"}")
                        .status())
                .isEqualTo(200);
        assertRefused(
                quality.post(
                        "/api/units/" + serial + "/release",
                        "{\"reason\":\"fine " + character
                                + "\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}"),
                "reason");
        assertRefused(
                quality.post(
                        "/api/units/" + serial + "/scrap",
                        "{\"reason\":\"cracked " + character
                                + "\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}"),
                "reason");
        assertThat(line.unitColumn(serial, "hold_reason")).isEqualTo("dropped twice");
        assertThat(eventsOf(serial)).isEqualTo(2);

        assertRefused(
                quality.post(
                        "/api/lots/quarantine",
                        "{\"partNumber\":\"ARM-AX4\",\"lot\":\"QX1\",\"reason\":\"cracked " + character + "\"}"),
                "reason");
        assertThat(jdbc.sql("select count(*) from tracking.lot_quarantine where lot = 'QX1'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\uD800", "\\u0007"})
    void refusesBrokenTextInMasterDataNames(String character) {
        var engineer = ApiClient.at(port).as("engineer");
        var id = "LX" + (System.nanoTime() % 100_000);
        assertRefused(
                engineer.post("/api/lines", "{\"id\":\"" + id + "\",\"name\":\"Line " + character + "\"}"), "name");
        assertThat(jdbc.sql("select count(*) from tracking.line where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\uD800"})
    void refusesBrokenTextInADefectCode(String character) {
        var serial = line.newSerials(1).getFirst();
        line.scan("ASM-1", serial);
        var answer = ApiClient.at(port)
                .as("operator")
                .post(
                        "/api/stations/ASM-1/check-outs",
                        "{\"serial\":\"" + serial + "\",\"result\":\"FAIL\",\"defects\":[\"SCREW" + character + "\"]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(eventsOf(serial)).isEqualTo(2);
    }

    private static void assertRefused(ApiClient.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-text");
        assertThat(answer.json().get("detail").asString()).contains(field);
    }

    private long eventsOf(String serial) {
        return jdbc.sql("select count(*) from tracking.outbox where message_key = :serial")
                .param("serial", serial)
                .query(Long.class)
                .single();
    }
}
