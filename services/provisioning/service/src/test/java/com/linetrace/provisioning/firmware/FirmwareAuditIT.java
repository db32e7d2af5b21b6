package com.linetrace.provisioning.firmware;

import static com.linetrace.provisioning.Builders.aRelease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.action.FirmwareApproved;
import com.linetrace.contracts.action.FirmwareRegistered;
import com.linetrace.contracts.action.FirmwareRevoked;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Registering, approving and revoking a firmware release are each an audit action: who, from where, which image,
 * which key (by its fingerprint only) and why.
 */
class FirmwareAuditIT extends ProvisioningIntegrationSupport {

    @Test
    void registrationApprovalAndRevocationAreEachAnAuditActionWithWhoWhereAndWhy() {
        var release = aRelease();
        var registered = as("engineer").post("/api/firmware-releases", release.json());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var id = UUID.fromString(registered.json().get("id").asString());
        var keyId = registered.json().get("signedBy").asString();
        assertThat(as("quality")
                        .post(
                                "/api/firmware-releases/" + id + "/approval",
                                signed("{\"reason\":\"Bench tests passed\"}"))
                        .status())
                .isEqualTo(200);
        assertThat(as("quality")
                        .post(
                                "/api/firmware-releases/" + id + "/revocation",
                                signed("{\"reason\":\"Motor stutter in field\"}"))
                        .status())
                .isEqualTo(200);

        var actions = await().atMost(Duration.ofSeconds(20)).until(() -> actionsOn(id), found -> found.size() >= 3);
        assertThat(actions).hasSize(3);
        assertThat(actions).extracting(AuditActionEvent::origin).containsOnly("127.0.0.1");

        assertThat(actions.get(0).actor()).isEqualTo("engineer");
        var registration = (FirmwareRegistered) actions.get(0).body();
        assertThat(registration.sha256()).isEqualTo(release.sha256().hex());
        assertThat(registration.signingKeyId()).isEqualTo(keyId).hasSize(16);

        assertThat(actions.get(1).actor()).isEqualTo("quality");
        var approval = (FirmwareApproved) actions.get(1).body();
        assertThat(approval.reason()).isEqualTo("Bench tests passed");
        assertThat(approval.registeredBy()).isEqualTo("engineer");

        var revocation = (FirmwareRevoked) actions.get(2).body();
        assertThat(revocation.reason()).isEqualTo("Motor stutter in field");
        assertThat(revocation.previousState()).isEqualTo("APPROVED");
        assertThat(revocation.unitsAffected()).isZero();
    }

    @Test
    void aRefusedApprovalRecordsNothingAndNoActionHoldsKeyMaterial() {
        var id = UUID.fromString(as("quality")
                .post("/api/firmware-releases", aRelease().json())
                .json()
                .get("id")
                .asString());
        var selfApproval =
                as("quality").post("/api/firmware-releases/" + id + "/approval", signed("{\"reason\":\"Looks fine\"}"));
        assertThat(selfApproval.status()).isEqualTo(409);
        // A revocation after it: once it is on the topic, a recorded refusal would be too.
        assertThat(as("quality")
                        .post(
                                "/api/firmware-releases/" + id + "/revocation",
                                signed("{\"reason\":\"Never to be used\"}"))
                        .status())
                .isEqualTo(200);
        var actions = await().atMost(Duration.ofSeconds(20))
                .until(() -> actionsOn(id), found -> found.stream().anyMatch(a -> a.body() instanceof FirmwareRevoked));
        assertThat(actions)
                .extracting(a -> a.body().getClass().getSimpleName())
                .containsExactly("FirmwareRegistered", "FirmwareRevoked");
        assertThat(((FirmwareRevoked) actions.get(1).body()).previousState()).isEqualTo("DRAFT");
        for (var record : TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS)) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain("BEGIN PUBLIC KEY", "BEGIN PRIVATE KEY", "MCowBQYDK2Vw");
        }
    }

    @Test
    void readingARecallsScopeIsRecordedAsABulkRead() {
        var id = approved(aRelease());
        var before = java.time.Instant.now();
        assertThat(as("manager")
                        .get("/api/firmware-releases/" + id + "/affected-serials")
                        .status())
                .isEqualTo(200);

        var read = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                                .map(record -> AuditAction.CODEC.decode(record.value()))
                                .filter(event -> event.body() instanceof DataExported export
                                        && export.query().equals("releaseId=" + id)
                                        && !event.occurredAt().isBefore(before))
                                .toList(),
                        found -> !found.isEmpty());
        assertThat(read.getFirst().actor()).isEqualTo("manager");
        assertThat(((DataExported) read.getFirst().body()).rows()).isZero();
    }

    private static List<AuditActionEvent> actionsOn(UUID release) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event -> switch (event.body()) {
                    case FirmwareRegistered r -> r.releaseId().equals(release);
                    case FirmwareApproved a -> a.releaseId().equals(release);
                    case FirmwareRevoked r -> r.releaseId().equals(release);
                    default -> false;
                })
                .sorted(java.util.Comparator.comparing(AuditActionEvent::occurredAt))
                .toList();
    }
}
