package com.linetrace.tracking.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.LineId;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.tracking.api.TrackingProblem;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class MasterDataIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MasterDataEditor editor;

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
        approve(model, 1);

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
        approve(model, 2);
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

    @Test
    void listsWhatItKeepsWithWhoSavedEachRouteVersion() {
        var engineer = ApiClient.at(port).as("engineer");
        assertThat(engineer.get("/api/lines").json().findValuesAsString("id")).contains("L1");
        var stations = engineer.get("/api/lines/L1/stations").json();
        assertThat(stations.findValuesAsString("id")).startsWith("ASM-1", "ASM-2", "FW-1");
        assertThat(engineer.get("/api/models").json().findValuesAsString("id")).contains("AX4-ENT");

        var model = newModel(engineer);
        engineer.post("/api/models/" + model + "/routes", route("ASSEMBLY"));
        engineer.post("/api/models/" + model + "/routes", route("TEST"));
        var versions = engineer.get("/api/models/" + model + "/routes").json();
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("createdBy").asString()).isEqualTo("engineer");
        var first = versions.get(1).get("route").get("operations").get(0);
        assertThat(first.get("stationKind").asString()).isEqualTo("ASSEMBLY");
        assertThat(first.get("parts").get(0).get("partNumber").asString()).isEqualTo("BOLT-M3");
        assertThat(engineer.get("/api/models/" + model + "/routes/current").status())
                .as("no version approved yet")
                .isEqualTo(404);
        approve(model, 1);
        assertThat(engineer.get("/api/models/" + model + "/routes/current")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        var none = engineer.get("/api/models/NO-SUCH-MODEL/routes/current");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.isProblem()).isTrue();
    }

    @Test
    void refusesRoutesAUnitCouldNotFollow() {
        var engineer = ApiClient.at(port).as("engineer");
        var model = newModel(engineer);
        var path = "/api/models/" + model + "/routes";
        assertThat(refusal(engineer.post(path, route("REPAIR")))).contains("REPAIR");
        assertThat(refusal(engineer.post(path, """
                        {"maxFailures":2,"requiresKey":false,"operations":[{"seq":20,"name":"A","stationKind":"ASSEMBLY"},
                          {"seq":10,"name":"B","stationKind":"PACK"}]}"""))).contains("ascending");
        assertThat(refusal(engineer.post(path, """
                        {"maxFailures":2,"requiresKey":false,"operations":[{"seq":10,"name":"A","stationKind":"ASSEMBLY","parts":[
                          {"partNumber":"P-1","description":"p","quantity":1,"serialized":false},
                          {"partNumber":"P-1","description":"p","quantity":2,"serialized":false}]}]}"""))).contains("P-1 twice");
        assertThat(refusal(engineer.post(path, """
                        {"maxFailures":2,"requiresKey":false,"firmwareModules":["TOASTER"],
                         "operations":[{"seq":10,"name":"Pack","stationKind":"PACK"}]}"""))).contains("TOASTER");
        assertThat(refusal(engineer.post(path, """
                        {"maxFailures":2,"requiresKey":true,"operations":[
                          {"seq":10,"name":"Pack","stationKind":"PACK"},{"seq":20,"name":"Test","stationKind":"TEST"}]}"""))).contains("ends with a PACK operation");
        assertThat(refusal(engineer.post("/api/models/NO-SUCH-MODEL/routes", route("ASSEMBLY"))))
                .contains("No model");
        assertThat(engineer.get(path).json()).as("nothing was saved").isEmpty();
    }

    @Test
    void aStationIsRenamedAndMovedButKeepsItsLineAndKind() {
        var engineer = ApiClient.at(port).as("engineer");
        var id = "ED-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        var station = """
                {"id":"%s","lineId":"L1","kind":"%s","flowOrder":%d,"name":"%s","allowedRoles":[%s]}""";
        assertThat(engineer.post("/api/stations", station.formatted(id, "TEST", 75, "Rig", ""))
                        .status())
                .isEqualTo(201);
        var moved = engineer.put(
                "/api/stations/" + id, station.formatted(id, "TEST", 76, "Vibration rig", "\"SUPERVISOR\""));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(jdbc.sql("select name || ' ' || flow_order || ' ' || array_to_string(allowed_roles, ',')"
                                + " from tracking.station where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Vibration rig 76 SUPERVISOR");

        assertThat(refusal(engineer.put("/api/stations/" + id, station.formatted(id, "PACK", 76, "x", ""))))
                .contains("stays on line L1 as TEST");
        assertThat(refusal(engineer.put("/api/stations/NOPE", station.formatted("NOPE", "TEST", 1, "x", ""))))
                .contains("No station");
        assertThat(refusal(engineer.put("/api/stations/" + id, station.formatted("OTHER", "TEST", 1, "x", ""))))
                .contains("is not the station");
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .put("/api/stations/" + id, station.formatted(id, "TEST", 1, "x", ""))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void printsTheStationIdsOfALineAsBarcodeLabels() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "engineer", null, AuthorityUtils.createAuthorityList("ROLE_ENGINEER")));
        try {
            var pdf = editor.stationLabels(LineId.parse("L1"));
            var text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
            assertThat(text).contains("ASM-1 · Assembly bench 1", "PCK-1", "RPR-1");
            assertThatThrownBy(() -> editor.stationLabels(LineId.parse("NO-LINE")))
                    .isInstanceOfSatisfying(
                            MasterDataRefusedException.class,
                            e -> assertThat(e.problem()).isEqualTo(TrackingProblem.UNKNOWN_LINE))
                    .hasMessage("No line has the id 'NO-LINE'");
        } finally {
            SecurityContextHolder.clearContext();
        }
        var operator = ApiClient.at(port).as("operator").get("/api/lines/L1/station-labels", "application/pdf");
        assertThat(operator.status()).isEqualTo(403);
    }

    /** Quality approves a route version, signed (DD021). */
    private void approve(String model, int version) {
        var approved = ApiClient.at(port)
                .as("quality")
                .post(
                        "/api/models/" + model + "/routes/" + version + "/approval",
                        "{\"reason\":\"Reviewed\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private static String newModel(ApiClient engineer) {
        var model = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var body = "{\"id\":\"" + model + "\",\"name\":\"Test model\"}";
        assertThat(engineer.post("/api/models", body).status()).isEqualTo(201);
        var again = engineer.post("/api/models", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("Model " + model + " already exists");
        return model;
    }

    /** The problem's detail of a 400 answer. */
    private static String refusal(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("detail").asString();
    }

    private static String route(String firstKind) {
        return """
                {"maxFailures":2,"requiresKey":false,"operations":[
                  {"seq":10,"name":"First","stationKind":"%s","instruction":"do it",
                   "parts":[{"partNumber":"BOLT-M3","description":"bolt","quantity":2,"serialized":false}]},
                  {"seq":20,"name":"Pack","stationKind":"PACK"}]}""".formatted(firstKind);
    }
}
