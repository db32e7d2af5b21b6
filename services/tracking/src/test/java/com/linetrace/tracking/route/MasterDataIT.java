package com.linetrace.tracking.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MasterDataIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewRouteVersionAppliesToNewUnitsOnly() {
        var engineer = ApiClient.at(port).as("engineer");
        var model = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(engineer.post("/api/models", "{\"id\":\"" + model + "\",\"name\":\"Test model\"}")
                        .status())
                .isEqualTo(201);
        var v1 = engineer.post("/api/models/" + model + "/routes", route("ASSEMBLY"));
        assertThat(v1.status()).as(v1.body()).isEqualTo(201);
        assertThat(v1.json().get("version").asInt()).isEqualTo(1);

        var supervisor = ApiClient.at(port).as("supervisor");
        var first = supervisor
                .post("/api/work-orders", "{\"model\":\"" + model + "\",\"line\":\"L1\",\"quantity\":1}")
                .json();
        var early = first.get("serials").get(0).asString();

        assertThat(engineer.post("/api/models/" + model + "/routes", route("TEST"))
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        var second = supervisor
                .post("/api/work-orders", "{\"model\":\"" + model + "\",\"line\":\"L1\",\"quantity\":1}")
                .json();
        assertThat(second.get("routeVersion").asInt()).isEqualTo(2);
        var late = second.get("serials").get(0).asString();

        var operator = ApiClient.at(port).as("operator");
        assertThat(operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + early + "\"}")
                        .json()
                        .get("verdict")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + late + "\"}")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("WRONG_STATION");
    }

    @Test
    void aStationCanBeKeptToSomeRoles() {
        var engineer = ApiClient.at(port).as("engineer");
        var id = "SUP-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        var station = engineer.post(
                "/api/stations",
                "{\"id\":\"" + id + "\",\"lineId\":\"L1\",\"kind\":\"ASSEMBLY\","
                        + "\"flowOrder\":15,\"name\":\"Supervised bench\",\"allowedRoles\":[\"SUPERVISOR\"]}");
        assertThat(station.status()).as(station.body()).isEqualTo(201);
        var serial = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":1}")
                .json()
                .get("serials")
                .get(0)
                .asString();
        var body = "{\"barcode\":\"" + serial + "\"}";
        var operator = ApiClient.at(port)
                .as("operator")
                .post("/api/stations/" + id + "/scans", body)
                .json();
        assertThat(operator.get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        var supervisor = ApiClient.at(port)
                .as("supervisor")
                .post("/api/stations/" + id + "/scans", body)
                .json();
        assertThat(supervisor.get("verdict").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void refusesBadMasterDataWithProblemDetailsAndWrongRoles() {
        var engineer = ApiClient.at(port).as("engineer");
        var badKind = engineer.post("/api/models/AX4-ENT/routes", route("WELDING"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("detail").asString()).contains("Station kind must be one of");
        assertThat(engineer.post("/api/lines", "{\"id\":\"L1\",\"name\":\"again\"}")
                        .status())
                .isEqualTo(409);
        assertThat(engineer.post("/api/lines", "{\"id\":\"lower case\",\"name\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(ApiClient.at(port)
                        .as("operator")
                        .post("/api/lines", "{\"id\":\"L9\",\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }

    private static String route(String firstKind) {
        return """
                {"maxFailures":2,"requiresKey":false,"operations":[
                  {"seq":10,"name":"First","stationKind":"%s","instruction":"do it",
                   "parts":[{"partNumber":"BOLT-M3","description":"bolt","quantity":2,"serialized":false}]},
                  {"seq":20,"name":"Pack","stationKind":"PACK"}]}""".formatted(firstKind);
    }
}
