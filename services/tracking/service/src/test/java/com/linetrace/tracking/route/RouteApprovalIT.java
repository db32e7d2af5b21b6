package com.linetrace.tracking.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.ElectronicSignature;
import com.linetrace.contracts.action.ElectronicSignatureRefused;
import com.linetrace.contracts.action.ElectronicSignatureRefused.Refusal;
import com.linetrace.contracts.action.MasterDataChanged;
import com.linetrace.contracts.action.SignatureMeaning;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new route version is a draft until a second person approves it with an electronic signature (DD021): new units
 * start on the approved version until then, and on the new one after; units issued before keep theirs. The approval
 * is a master data change (the version in force before and after) and a signed record; who may not sign, a wrong
 * password and the version's own author are refused, and nothing changes.
 */
@IntegrationTest
class RouteApprovalIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient engineer;
    ApiClient quality;
    ApiClient supervisor;
    String model;

    @BeforeEach
    void aModelWithAnApprovedFirstVersion() {
        engineer = ApiClient.at(port).as("engineer");
        quality = ApiClient.at(port).as("quality");
        supervisor = ApiClient.at(port).as("supervisor");
        model = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(engineer.post("/api/models", "{\"id\":\"" + model + "\",\"name\":\"Approval model\"}")
                        .status())
                .isEqualTo(201);
        assertThat(engineer.post(routes(), route("ASSEMBLY")).status()).isEqualTo(201);
        var approved = quality.post(approval(1), signed("Reviewed against ECO-1", "quality"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void aNewVersionIsADraftNewUnitsDoNotFollowUntilASecondPersonApprovesIt() {
        var issuedBefore = workOrder();
        var v2 = engineer.post(routes(), route("TEST"));
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.json().get("state").asString()).isEqualTo("DRAFT");
        assertThat(v2.json().get("approvedBy").isNull()).isTrue();

        var whileDraft = workOrder();
        assertThat(whileDraft.get("routeVersion").asInt()).isEqualTo(1);
        assertThat(engineer.get(routes() + "/current").json().get("version").asInt())
                .isEqualTo(1);
        var versions = engineer.get(routes()).json();
        assertThat(versions.get(0).get("state").asString()).isEqualTo("DRAFT");
        assertThat(versions.get(1).get("state").asString()).isEqualTo("CURRENT");

        var approved = quality.post(approval(2), signed("Flight test moved first, ECO-2", "quality"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("CURRENT");
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("quality");
        var afterApproval = workOrder();
        assertThat(afterApproval.get("routeVersion").asInt()).isEqualTo(2);
        assertThat(engineer.get(routes()).json().get(1).get("state").asString()).isEqualTo("SUPERSEDED");

        // Units issued before the approval keep version 1 (ASSEMBLY first); new ones follow version 2 (TEST first).
        var operator = ApiClient.at(port).as("operator");
        for (var early : List.of(serialOf(issuedBefore), serialOf(whileDraft))) {
            assertThat(operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + early + "\"}")
                            .json()
                            .get("verdict")
                            .asString())
                    .isEqualTo("ACCEPTED");
        }
        assertThat(operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serialOf(afterApproval) + "\"}")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("WRONG_STATION");
    }

    @Test
    void aModelWhoseOnlyVersionIsADraftCannotBeBuilt() {
        var other = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        engineer.post("/api/models", "{\"id\":\"" + other + "\",\"name\":\"Draft only\"}");
        assertThat(engineer.post("/api/models/" + other + "/routes", route("ASSEMBLY"))
                        .status())
                .isEqualTo(201);

        var refused =
                supervisor.post("/api/work-orders", "{\"model\":\"" + other + "\",\"line\":\"L1\",\"quantity\":1}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("no approved route");
        assertThat(engineer.get("/api/models/" + other + "/routes/current").status())
                .isEqualTo(404);
    }

    @Test
    void theApprovalIsAMasterDataChangeWithBeforeAndAfterAndASignedRecord() {
        assertThat(engineer.post(routes(), route("TEST")).status()).isEqualTo(201);

        assertThat(quality.post(approval(2), signed("Flight test moved first", "quality"))
                        .status())
                .isEqualTo(200);

        var changes = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> actions(e -> e.body() instanceof MasterDataChanged c
                                && c.subject().equals("route")
                                && c.id().equals(model)
                                && e.actor().equals("quality")),
                        found -> found.size() >= 2);
        var approval = (MasterDataChanged) changes.getLast().body();
        assertThat(JSON.readTree(approval.before()).get("version").asInt()).isEqualTo(1);
        var after = JSON.readTree(approval.after());
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("state").asString()).isEqualTo("CURRENT");
        assertThat(after.get("createdBy").asString()).isEqualTo("engineer");
        assertThat(after.get("approvedBy").asString()).isEqualTo("quality");
        assertThat(changes.getLast().origin()).isEqualTo("127.0.0.1");
        var signature = (ElectronicSignature)
                awaitAction(model + " v2", ElectronicSignature.class).body();
        assertThat(signature.action()).isEqualTo(SignedAction.ROUTE_APPROVAL);
        assertThat(signature.printedName()).isEqualTo("quality");
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.REVIEWED);
        assertThat(signature.reason()).isEqualTo("Flight test moved first");
    }

    @Test
    void anApprovalWithoutASignatureIsRefusedAndChangesNothing() {
        assertThat(engineer.post(routes(), route("TEST")).status()).isEqualTo(201);

        var unsigned = quality.post(approval(2), "{\"reason\":\"Reviewed\"}");

        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-required");
        assertThat(engineer.get(routes()).json().get(0).get("state").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aWrongPasswordIsRefusedApprovesNothingAndTheRefusalIsAnAuditEntry() {
        assertThat(engineer.post(routes(), route("TEST")).status()).isEqualTo(201);

        var refused = quality.post(approval(2), signed("Reviewed", "not-my-password"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-refused");
        assertThat(engineer.get(routes()).json().get(0).get("state").asString()).isEqualTo("DRAFT");
        var event = awaitAction(model + " v2", ElectronicSignatureRefused.class);
        assertThat(event.actor()).isEqualTo("quality");
        assertThat(((ElectronicSignatureRefused) event.body()).refusal()).isEqualTo(Refusal.WRONG_PASSWORD);
    }

    @Test
    void aPersonNotAllowedToSignIsRefusedWithTheirRightPasswordAndTheRefusalIsAnAuditEntry() {
        var admin = ApiClient.at(port).as("admin");
        assertThat(admin.post(routes(), route("TEST")).status()).isEqualTo(201);

        var refused = engineer.post(approval(2), signed("Looks right to me", "engineer"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-not-allowed");
        assertThat(engineer.get(routes()).json().get(0).get("state").asString()).isEqualTo("DRAFT");
        var event = awaitAction(model + " v2", ElectronicSignatureRefused.class);
        assertThat(event.actor()).isEqualTo("engineer");
        assertThat(((ElectronicSignatureRefused) event.body()).refusal()).isEqualTo(Refusal.NOT_ALLOWED);
    }

    @Test
    void theAuthorCannotApproveTheirOwnVersion() {
        var admin = ApiClient.at(port).as("admin");
        assertThat(admin.post(routes(), route("TEST")).status()).isEqualTo(201);

        var own = admin.post(approval(2), signed("My own route, approved", "admin"));

        assertThat(own.status()).as(own.body()).isEqualTo(409);
        assertThat(own.json().get("type").asString()).isEqualTo("urn:linetrace:problem:four-eyes");
        assertThat(engineer.get(routes()).json().get(0).get("state").asString()).isEqualTo("DRAFT");
        assertThat(workOrder().get("routeVersion").asInt()).isEqualTo(1);
        assertThat(quality.post(approval(2), signed("Reviewed by a second person", "quality"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownVersionOrAVersionApprovedAlreadyIsRefused() {
        var unknown = quality.post(approval(9), signed("Reviewed", "quality"));
        var twice = quality.post(approval(1), signed("Reviewed again", "quality"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unknown-route");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:linetrace:problem:route-state");
    }

    private String routes() {
        return "/api/models/" + model + "/routes";
    }

    private String approval(int version) {
        return routes() + "/" + version + "/approval";
    }

    private tools.jackson.databind.JsonNode workOrder() {
        var released =
                supervisor.post("/api/work-orders", "{\"model\":\"" + model + "\",\"line\":\"L1\",\"quantity\":1}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        return released.json();
    }

    private static String serialOf(tools.jackson.databind.JsonNode workOrder) {
        return workOrder.get("serials").get(0).asString();
    }

    /** An approval's body, signed with a demo user's password (their name, or anything else), meaning REVIEWED. */
    private static String signed(String reason, String password) {
        return "{\"reason\":\"" + reason + "\",\"signature\":{\"password\":\"" + password
                + "\",\"meaning\":\"REVIEWED\"}}";
    }

    private static List<AuditActionEvent> actions(java.util.function.Predicate<AuditActionEvent> which) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(which)
                .toList();
    }

    private static AuditActionEvent awaitAction(String subject, Class<? extends AuditAction> type) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> actions(e -> type.isInstance(e.body())
                                && switch (e.body()) {
                                    case ElectronicSignature s -> s.subject().equals(subject);
                                    case ElectronicSignatureRefused r ->
                                        r.subject().equals(subject);
                                    default -> false;
                                }),
                        found -> !found.isEmpty())
                .getFirst();
    }

    private static String route(String firstKind) {
        return """
                {"maxFailures":2,"requiresKey":false,"operations":[
                  {"seq":10,"name":"First","stationKind":"%s","instruction":"do it",
                   "parts":[{"partNumber":"BOLT-M3","description":"bolt","quantity":2,"serialized":false}]},
                  {"seq":20,"name":"Pack","stationKind":"PACK"}]}""".formatted(firstKind);
    }
}
