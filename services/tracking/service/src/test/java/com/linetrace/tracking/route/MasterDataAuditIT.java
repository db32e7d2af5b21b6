package com.linetrace.tracking.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.MasterDataChanged;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Every change of master data is an audit action: who, from where, what it was and what it is. */
@IntegrationTest
class MasterDataAuditIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void addingALineAStationAndChangingTheStationRecordsBeforeAndAfter() {
        var engineer = ApiClient.at(port).as("engineer");
        var line = "LA" + shortId();
        assertThat(engineer.post("/api/lines", "{\"id\":\"" + line + "\",\"name\":\"Audit line\"}")
                        .status())
                .isEqualTo(201);
        var station = "ST-" + shortId();
        assertThat(engineer.post(
                                "/api/stations",
                                "{\"id\":\"" + station + "\",\"lineId\":\"" + line + "\",\"kind\":\"TEST\","
                                        + "\"flowOrder\":10,\"name\":\"Calibration\"}")
                        .status())
                .isEqualTo(201);
        assertThat(engineer.put(
                                "/api/stations/" + station,
                                "{\"id\":\"" + station + "\",\"lineId\":\"" + line + "\",\"kind\":\"TEST\","
                                        + "\"flowOrder\":20,\"name\":\"Calibration bay\",\"allowedRoles\":[\"OPERATOR\"]}")
                        .status())
                .isEqualTo(200);

        var lineAdded = awaitChange("line", line, 1).getFirst();
        assertThat(lineAdded.actor()).isEqualTo("engineer");
        assertThat(lineAdded.origin()).isEqualTo("127.0.0.1");
        var lineChange = (MasterDataChanged) lineAdded.body();
        assertThat(lineChange.before()).isNull();
        assertThat(JSON.readTree(lineChange.after()).get("name").asString()).isEqualTo("Audit line");

        var changes = awaitChange("station", station, 2);
        var added = (MasterDataChanged) changes.get(0).body();
        var changed = (MasterDataChanged) changes.get(1).body();
        assertThat(added.before()).isNull();
        assertThat(changed.before()).isEqualTo(added.after());
        var after = JSON.readTree(changed.after());
        assertThat(after.get("name").asString()).isEqualTo("Calibration bay");
        assertThat(after.get("flowOrder").asInt()).isEqualTo(20);
        assertThat(after.get("allowedRoles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(JSON.readTree(changed.before()).get("name").asString()).isEqualTo("Calibration");
    }

    @Test
    void aNewRouteVersionRecordsTheVersionItReplacesAndTheNewOne() {
        var engineer = ApiClient.at(port).as("engineer");
        var model = "M-" + shortId();
        assertThat(engineer.post("/api/models", "{\"id\":\"" + model + "\",\"name\":\"Audit model\"}")
                        .status())
                .isEqualTo(201);
        assertThat(engineer.post("/api/models/" + model + "/routes", route("ASSEMBLY"))
                        .status())
                .isEqualTo(201);
        assertThat(engineer.post("/api/models/" + model + "/routes", route("TEST"))
                        .status())
                .isEqualTo(201);

        assertThat(awaitChange("model", model, 1)).hasSize(1);
        var routes = awaitChange("route", model, 2);
        var first = (MasterDataChanged) routes.get(0).body();
        var second = (MasterDataChanged) routes.get(1).body();
        assertThat(first.before()).isNull();
        assertThat(JSON.readTree(first.after()).get("version").asInt()).isEqualTo(1);
        assertThat(second.before()).isEqualTo(first.after());
        var after = JSON.readTree(second.after());
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("createdBy").asString()).isEqualTo("engineer");
        assertThat(after.get("route")
                        .get("operations")
                        .get(0)
                        .get("stationKind")
                        .asString())
                .isEqualTo("TEST");
        assertThat(after.get("route")
                        .get("operations")
                        .get(0)
                        .get("parts")
                        .get(0)
                        .get("partNumber")
                        .asString())
                .isEqualTo("BOLT-M3");
    }

    @Test
    void aRefusedChangeRecordsNothing() {
        var engineer = ApiClient.at(port).as("engineer");
        var model = "M-" + shortId();
        assertThat(engineer.post("/api/models/" + model + "/routes", route("ASSEMBLY"))
                        .status())
                .isEqualTo(400);
        assertThat(engineer.post("/api/lines", "{\"id\":\"L1\",\"name\":\"again\"}")
                        .status())
                .isEqualTo(409);
        // A change after them: once it is on the topic, the refused ones would be too.
        assertThat(engineer.post("/api/models", "{\"id\":\"" + model + "\",\"name\":\"Marker\"}")
                        .status())
                .isEqualTo(201);
        awaitChange("model", model, 1);
        assertThat(changes("route", model)).isEmpty();
        assertThat(changes("line", "L1").stream()
                        .map(e -> ((MasterDataChanged) e.body()).after())
                        .filter(after -> after.contains("again")))
                .isEmpty();
    }

    private static List<AuditActionEvent> awaitChange(String subject, String id, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> changes(subject, id), found -> found.size() >= count);
    }

    private static List<AuditActionEvent> changes(String subject, String id) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event -> event.body() instanceof MasterDataChanged change
                        && change.subject().equals(subject)
                        && change.id().equals(id))
                .toList();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String route(String firstKind) {
        return """
                {"maxFailures":2,"requiresKey":false,"operations":[
                  {"seq":10,"name":"First","stationKind":"%s","instruction":"do it",
                   "parts":[{"partNumber":"BOLT-M3","description":"bolt","quantity":2,"serialized":false}]},
                  {"seq":20,"name":"Pack","stationKind":"PACK"}]}""".formatted(firstKind);
    }
}
