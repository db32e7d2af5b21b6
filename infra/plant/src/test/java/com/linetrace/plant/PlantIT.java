package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plant end to end: a scan at a station reaches trace through the outbox, Kafka and trace's inbox. */
@IntegrationTest
class PlantIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScanAtAStationShowsInTheUnitsHistory() {
        var serial = newSerials(1).getFirst();
        var verdict =
                ApiClient.at(port).as("operator").post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
        assertThat(verdict.json().get("verdict").asString()).isEqualTo("ACCEPTED");

        var quality = ApiClient.at(port).as("quality");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var history = quality.get("/api/units/" + serial + "/history");
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.body()).contains("UnitsInitialized", "Checked in for op 10 Frame and arms");
        });
    }

    @Test
    void deliversEachEventToTraceOnceEvenWhenTheRelayPublishesItTwice() {
        var serial = newSerials(1).getFirst();
        var operator = ApiClient.at(port).as("operator");
        operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> traceEvents(serial) == 2);

        // As if the relay crashed after Kafka acknowledged but before it marked the rows published.
        int republished = jdbc.sql("update tracking.outbox set published_at = null where message_key = :serial")
                .param("serial", serial)
                .update();
        assertThat(republished).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from tracking.outbox where message_key = :serial and published_at is null")
                                .param("serial", serial)
                                .query(Long.class)
                                .single()
                        == 0);

        operator.post(
                "/api/stations/ASM-1/materials", "{\"serial\":\"" + serial + "\",\"barcode\":\"FRM-AX4;L=L2611\"}");
        // MaterialsInstalled follows the republished pair on the same partition: once it is in, they were consumed.
        await().atMost(Duration.ofSeconds(20)).until(() -> traceEvents(serial) >= 3);
        assertThat(traceEvents(serial)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from trace.inbox i join tracking.outbox o on o.event_id = i.event_id"
                                + " where o.message_key = :serial")
                        .param("serial", serial)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void answersUnknownPathsAndServesOperationsEndpoints() {
        var admin = ApiClient.at(port).as("admin");
        var missing = admin.get("/api/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(ApiClient.at(port).get("/actuator/health").body()).contains("UP");
        assertThat(admin.get("/actuator/prometheus", "text/plain").body())
                .contains("jvm_memory_used_bytes")
                .containsPattern("linetrace_outbox_set_aside\\{[^}]*schema=\"provisioning\"")
                .containsPattern("linetrace_outbox_backlog\\{[^}]*schema=\"tracking\"");
        assertThat(ApiClient.at(port).as("operator").get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(admin.get("/v3/api-docs").body()).contains("/api/stations/{stationId}/scans");
    }

    @Test
    void aTokenFromThePlantsIdentityOpensThePlantsApiAsPasswordsStillDo() {
        var signIn = ApiClient.at(port).post("/api/tokens", "{\"username\":\"quality\",\"password\":\"quality\"}");
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        var quality =
                ApiClient.at(port).bearer(signIn.json().path("accessToken").asString());

        assertThat(quality.get("/api/stations").status()).isEqualTo(200);
        assertThat(quality.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(ApiClient.at(port).as("quality").get("/api/stations").status())
                .isEqualTo(200);
        assertThat(ApiClient.at(port).get("/api/stations").status()).isEqualTo(401);
    }

    private long traceEvents(String serial) {
        return jdbc.sql("select count(*) from trace.unit_event where serial = :serial")
                .param("serial", serial)
                .query(Long.class)
                .single();
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
