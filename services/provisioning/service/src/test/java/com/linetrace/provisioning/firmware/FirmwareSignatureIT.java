package com.linetrace.provisioning.firmware;

import static com.linetrace.provisioning.Builders.aRelease;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.ElectronicSignature;
import com.linetrace.contracts.action.ElectronicSignatureRefused;
import com.linetrace.contracts.action.ElectronicSignatureRefused.Refusal;
import com.linetrace.contracts.action.SignatureMeaning;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A firmware release's approval and revocation, signed electronically over HTTP (DD018): the person re-enters their
 * password and states the meaning; the signed record (printed name, time, meaning) goes to the audit topic through
 * provisioning's outbox with the decision. Without a signature, with a wrong password or by a person not allowed,
 * nothing changes, and each refusal of a signer is an audit entry too.
 */
class FirmwareSignatureIT extends ProvisioningIntegrationSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String draft() {
        var registered =
                as("engineer").post("/api/firmware-releases", aRelease().json());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private String state(String id) {
        return as("quality")
                .get("/api/firmware-releases/" + id)
                .json()
                .get("state")
                .asString();
    }

    private static String decision(String reason, String password, String meaning) {
        return "{\"reason\":\"" + reason + "\",\"signature\":{\"password\":\"" + password + "\",\"meaning\":\""
                + meaning + "\"}}";
    }

    @Test
    void approvalSignedWithTheRightPasswordApprovesAndRecordsPrintedNameTimeAndMeaning() {
        var id = draft();
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var approved = as("quality")
                .post(
                        "/api/firmware-releases/" + id + "/approval",
                        decision("Bench tests passed", "quality", "APPROVED"));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        var event = awaitAction(id, ElectronicSignature.class);
        var signature = (ElectronicSignature) event.body();
        assertThat(event.actor()).isEqualTo("quality");
        assertThat(event.origin()).isEqualTo("127.0.0.1");
        assertThat(signature.action()).isEqualTo(SignedAction.FIRMWARE_APPROVAL);
        assertThat(signature.subject()).isEqualTo(id);
        assertThat(signature.serial()).isNull();
        assertThat(signature.printedName()).isEqualTo("quality");
        assertThat(signature.meaning()).isEqualTo(SignatureMeaning.APPROVED);
        assertThat(signature.reason()).isEqualTo("Bench tests passed");
        assertThat(signature.signedAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void revocationIsSignedAsAnApprovalIs() {
        var id = approved(aRelease()).toString();

        var revoked = as("quality")
                .post(
                        "/api/firmware-releases/" + id + "/revocation",
                        decision("GNSS dropouts in the field", "quality", "RESPONSIBLE"));

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("REVOKED");
        var signatures = TopicProbe.read(Topics.AUDIT_ACTIONS, WAIT, record -> isRevocation(record.value(), id));
        var revocation = signatures.stream()
                .filter(record -> isRevocation(record.value(), id))
                .map(record -> (ElectronicSignature)
                        AuditAction.CODEC.decode(record.value()).body())
                .filter(s -> s.action() == SignedAction.FIRMWARE_REVOCATION)
                .findFirst()
                .orElseThrow();
        assertThat(revocation.meaning()).isEqualTo(SignatureMeaning.RESPONSIBLE);
        assertThat(revocation.reason()).isEqualTo("GNSS dropouts in the field");
    }

    @Test
    void approvalOrRevocationWithoutASignatureIsRefusedAndChangesNothing() {
        var id = draft();

        var unsigned =
                as("quality").post("/api/firmware-releases/" + id + "/approval", "{\"reason\":\"Tests passed\"}");
        var meaningless = as("quality")
                .post(
                        "/api/firmware-releases/" + id + "/approval",
                        "{\"reason\":\"Tests passed\",\"signature\":{\"password\":\"quality\"}}");
        var unsignedRevocation =
                as("quality").post("/api/firmware-releases/" + id + "/revocation", "{\"reason\":\"Never used\"}");

        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-required");
        assertThat(meaningless.status()).isEqualTo(400);
        assertThat(unsignedRevocation.status()).isEqualTo(400);
        assertThat(unsignedRevocation.json().get("type").asString())
                .isEqualTo("urn:linetrace:problem:signature-required");
        assertThat(state(id)).isEqualTo("DRAFT");
    }

    @Test
    void wrongPasswordIsRefusedApprovesNothingAndTheRefusalIsAnAuditEntry() {
        var id = draft();

        var refused = as("quality")
                .post(
                        "/api/firmware-releases/" + id + "/approval",
                        decision("Tests passed", "not-my-password", "APPROVED"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-refused");
        assertThat(refused.body()).doesNotContain("not-my-password");
        assertThat(state(id)).isEqualTo("DRAFT");
        var event = awaitAction(id, ElectronicSignatureRefused.class);
        assertThat(event.actor()).isEqualTo("quality");
        assertThat(event.origin()).isEqualTo("127.0.0.1");
        var refusal = (ElectronicSignatureRefused) event.body();
        assertThat(refusal.refusal()).isEqualTo(Refusal.WRONG_PASSWORD);
        assertThat(refusal.action()).isEqualTo(SignedAction.FIRMWARE_APPROVAL);
        assertThat(new String(AuditAction.CODEC.encode(event))).doesNotContain("not-my-password");
    }

    @Test
    void personNotAllowedToSignIsRefusedWithTheirRightPasswordAndTheRefusalIsAnAuditEntry() {
        var id = approved(aRelease()).toString();

        var refused = as("admin")
                .post("/api/firmware-releases/" + id + "/revocation", decision("Bad image", "admin", "RESPONSIBLE"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:linetrace:problem:signature-not-allowed");
        assertThat(state(id)).isEqualTo("APPROVED");
        var event = awaitAction(id, ElectronicSignatureRefused.class);
        assertThat(event.actor()).isEqualTo("admin");
        var refusal = (ElectronicSignatureRefused) event.body();
        assertThat(refusal.refusal()).isEqualTo(Refusal.NOT_ALLOWED);
        assertThat(refusal.action()).isEqualTo(SignedAction.FIRMWARE_REVOCATION);
    }

    @Test
    void anUnknownReleaseIsNotFoundBeforeAnyoneSigns() {
        var unknown = UUID.randomUUID();

        var response = as("quality")
                .post(
                        "/api/firmware-releases/" + unknown + "/approval",
                        decision("Tests passed", "quality", "APPROVED"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:release-not-found");
    }

    private static AuditActionEvent awaitAction(String release, Class<? extends AuditAction> type) {
        return TopicProbe.read(Topics.AUDIT_ACTIONS, WAIT, record -> is(record.value(), release, type)).stream()
                .filter(record -> is(record.value(), release, type))
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " of release " + release));
    }

    private static boolean isRevocation(byte[] value, String release) {
        return AuditAction.CODEC.decode(value).body() instanceof ElectronicSignature s
                && s.subject().equals(release)
                && s.action() == SignedAction.FIRMWARE_REVOCATION;
    }

    private static boolean is(byte[] value, String release, Class<? extends AuditAction> type) {
        var event = AuditAction.CODEC.decode(value);
        return type.isInstance(event.body())
                && switch (event.body()) {
                    case ElectronicSignature s -> release.equals(s.subject());
                    case ElectronicSignatureRefused r -> release.equals(r.subject());
                    default -> false;
                };
    }
}
