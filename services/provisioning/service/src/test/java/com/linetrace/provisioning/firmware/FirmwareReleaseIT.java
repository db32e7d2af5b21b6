package com.linetrace.provisioning.firmware;

import static com.linetrace.provisioning.Builders.aRelease;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.provisioning.TestPki;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FirmwareReleaseIT extends ProvisioningIntegrationSupport {

    @Test
    void registersAReleaseSignedByATrustedKeyAsDraft() {
        var release = aRelease();
        var response = as("engineer").post("/api/firmware-releases", release.json());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var body = response.json();
        assertThat(body.get("state").asString()).isEqualTo("DRAFT");
        assertThat(body.get("sha256").asString()).isEqualTo(release.sha256().hex());
        assertThat(body.get("signatureValid").asBoolean()).isTrue();
        assertThat(body.get("registeredBy").asString()).isEqualTo("engineer");
        var fetched =
                as("quality").get("/api/firmware-releases/" + body.get("id").asString());
        assertThat(fetched.json().get("version").asString())
                .isEqualTo(body.get("version").asString());
    }

    @Test
    void refusesAReleaseSignedByAnUntrustedKeyAndStoresNothing() {
        var release = aRelease().signedBy(TestPki.UNTRUSTED_RELEASE_KEY);
        var response = as("engineer").post("/api/firmware-releases", release.json());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:release-signature-invalid");
        assertThat(releasesWithHash(release)).isZero();
    }

    @Test
    void refusesAReleaseWhoseSignatureCoversAnotherManifest() {
        var response = as("engineer")
                .post(
                        "/api/firmware-releases",
                        aRelease().withSignatureOverAnotherVersion().json());
        assertThat(response.status()).isEqualTo(422);
    }

    @Test
    void refusesASecondReleaseOfTheSameVersion() {
        var release = aRelease();
        assertThat(as("engineer").post("/api/firmware-releases", release.json()).status())
                .isEqualTo(201);
        var again = as("engineer").post("/api/firmware-releases", release.json());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:linetrace:problem:release-exists");
    }

    @Test
    void onlyQualityApprovesAndOnlyWithAReason() {
        var id = as("engineer")
                .post("/api/firmware-releases", aRelease().json())
                .json()
                .get("id")
                .asString();
        var path = "/api/firmware-releases/" + id + "/approval";
        assertThat(as("engineer")
                        .post(path, signed("{\"reason\":\"ok\"}", "engineer"))
                        .status())
                .isEqualTo(403);
        var withoutReason = as("quality").post(path, "{}");
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("detail").asString()).isEqualTo("reason is required");
        var approved = as("quality")
                .post(path, signed("{\"reason\":\"Release tests passed\"}"))
                .json();
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo("quality");
        assertThat(approved.get("approvalReason").asString()).isEqualTo("Release tests passed");
        assertThat(approved.get("approvedAt").isNull()).isFalse();
        var twice = as("quality").post(path, signed("{\"reason\":\"again\"}"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:linetrace:problem:release-state");
    }

    @Test
    void refusesQualityApprovingAReleaseTheyRegisteredThemselves() {
        var release = aRelease();
        var id = as("quality")
                .post("/api/firmware-releases", release.json())
                .json()
                .get("id")
                .asString();
        var selfApproval =
                as("quality").post("/api/firmware-releases/" + id + "/approval", signed("{\"reason\":\"Looks fine\"}"));
        assertThat(selfApproval.status()).as(selfApproval.body()).isEqualTo(409);
        assertThat(selfApproval.json().get("type").asString()).isEqualTo("urn:linetrace:problem:four-eyes");
        assertThat(selfApproval.json().get("detail").asString())
                .contains("registered by quality")
                .contains("two different people");
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void answersNotFoundForAnUnknownRelease() {
        var response = as("quality").get("/api/firmware-releases/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:release-not-found");
        assertThat(as("quality")
                        .post("/api/firmware-releases/" + UUID.randomUUID() + "/revocation", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void answersMalformedJsonWith400AndAWrongContentTypeWith415() {
        var malformed = as("engineer").post("/api/firmware-releases", "{\"model\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        var text = as("engineer").post("/api/firmware-releases", "text/plain", "hello");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.isProblem()).isTrue();
        var badField =
                as("engineer").post("/api/firmware-releases", aRelease().json().replace("FLIGHT_CONTROLLER", "ROTOR"));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().get("detail").asString()).contains("module must be one of");
    }

    private long releasesWithHash(com.linetrace.provisioning.Builders.ReleaseBuilder release) {
        return jdbc.sql("select count(*) from provisioning.firmware_release where sha256 = :sha")
                .param("sha", release.sha256().hex())
                .query(Long.class)
                .single();
    }
}
