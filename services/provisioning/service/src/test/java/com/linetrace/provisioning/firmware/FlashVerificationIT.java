package com.linetrace.provisioning.firmware;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.provisioning.FirmwareRejected;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.provisioning.Builders;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlashVerificationIT extends ProvisioningIntegrationSupport {

    private static final Sha256 UNKNOWN_IMAGE = Sha256.parse("0".repeat(63) + "1");

    @Test
    void verifiesAFlashOfAnApprovedReleaseReportedOverRest() {
        var release = aRelease();
        var id = approved(release);
        var serial = atFlashStation(newSerial());
        var verdict = asFixture()
                .post("/api/equipment/flash-results", aFlash(serial, release).json());
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.json().get("verdict").asString()).isEqualTo("VERIFIED");
        var event = onlyEventOf(serial);
        assertThat(event.body()).isInstanceOfSatisfying(FirmwareVerified.class, verified -> {
            assertThat(verified.releaseId()).isEqualTo(id);
            assertThat(verified.sha256()).isEqualTo(release.sha256());
        });
        assertThat(event.actor()).isEqualTo("FIX-1");
        assertThat(flashVerdicts(serial)).containsExactly("VERIFIED");
    }

    @Test
    void verifiesAFlashReportedOnKafkaOnceEvenWhenDeliveredTwice() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());
        var event = aFlash(serial, release).event();
        send(event);
        send(event);
        assertThat(onlyEventOf(serial).body()).isInstanceOf(FirmwareVerified.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !flashVerdicts(serial).isEmpty());
        assertThat(flashVerdicts(serial)).containsExactly("VERIFIED");
    }

    @Test
    void rejectsAFlashOfAnImageThatNoReleaseHas() {
        approved(aRelease());
        var serial = newSerial();
        var verdict = flash(aFlash(serial, aRelease()).writing(UNKNOWN_IMAGE));
        assertThat(verdict.code()).isEqualTo(FirmwareRejected.Code.UNKNOWN_IMAGE);
        assertThat(verdict.reason()).contains("No release of AX4-ENT FLIGHT_CONTROLLER has the image hash");
    }

    @Test
    void rejectsAFlashWhoseReadBackDiffersFromWhatWasWritten() {
        var release = aRelease();
        approved(release);
        var verdict = flash(aFlash(newSerial(), release).readingBack(UNKNOWN_IMAGE));
        assertThat(verdict.code()).isEqualTo(FirmwareRejected.Code.READ_BACK_MISMATCH);
        assertThat(verdict.reason()).contains("read back " + UNKNOWN_IMAGE);
    }

    @Test
    void rejectsAFlashOfARevokedRelease() {
        var release = aRelease();
        var id = approved(release);
        revoke(id, "Motor desync under load");
        var verdict = flash(aFlash(newSerial(), release));
        assertThat(verdict.code()).isEqualTo(FirmwareRejected.Code.RELEASE_REVOKED);
        assertThat(verdict.reason()).contains("was revoked: Motor desync under load");
    }

    @Test
    void rejectsAFlashOfAReleaseQualityHasNotApproved() {
        var release = aRelease();
        as("engineer").post("/api/firmware-releases", release.json());
        assertThat(flash(aFlash(newSerial(), release)).code()).isEqualTo(FirmwareRejected.Code.NOT_APPROVED);
    }

    @Test
    void rejectsAFlashWhenTheStoredSignatureNoLongerVerifies() {
        var release = aRelease();
        var id = approved(release);
        // Someone with database access swaps the image hash: the signature no longer covers the record.
        var forged = Builders.aRelease();
        jdbc.sql("update provisioning.firmware_release set sha256 = :sha, version = :version where id = :id")
                .param("sha", forged.sha256().hex())
                .param("version", release.manifest().version())
                .param("id", id)
                .update();
        var verdict = flash(aFlash(newSerial(), release).writing(forged.sha256()));
        assertThat(verdict.code()).isEqualTo(FirmwareRejected.Code.SIGNATURE_INVALID);
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + id)
                        .json()
                        .get("signatureValid")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void revokingAReleaseEmitsAnEventForEveryUnitThatCarriesIt() {
        var release = aRelease().module(FirmwareModule.ESC);
        var id = approved(release);
        var first = newSerial();
        var second = newSerial();
        var reflashed = newSerial();
        for (var serial : List.of(first, second, reflashed)) {
            assertThat(flash(aFlash(serial, release))).isNull();
        }
        var newer = aRelease().module(FirmwareModule.ESC);
        approved(newer);
        assertThat(flash(aFlash(reflashed, newer))).isNull();

        var revoked = revoke(id, "ESC timing bug");
        assertThat(revoked.get("state").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("affectedSerials").asInt()).isEqualTo(2);
        assertThat(revoked.get("revokedBy").asString()).isEqualTo("quality");
        for (var serial : List.of(first, second)) {
            var events = eventsOf(serial, e -> e.size() >= 2);
            assertThat(events.getLast().body()).isInstanceOfSatisfying(FirmwareReleaseRevoked.class, event -> {
                assertThat(event.releaseId()).isEqualTo(id);
                assertThat(event.reason()).isEqualTo("ESC timing bug");
                assertThat(event.module()).isEqualTo(FirmwareModule.ESC);
            });
            assertThat(events.getLast().actor()).isEqualTo("quality");
        }
        assertThat(eventsOf(reflashed, e -> e.size() >= 2)).noneMatch(e -> e.body() instanceof FirmwareReleaseRevoked);
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + id + "/affected-serials")
                        .body())
                .contains(first.value(), second.value())
                .doesNotContain(reflashed.value());
    }

    @Test
    void refusesAFlashReportedWithAPersonsLoginAndRecordsNothing() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());
        for (var person : List.of("operator", "engineer", "admin", "quality")) {
            var response = as(person)
                    .post(
                            "/api/equipment/flash-results",
                            aFlash(serial, release).json());
            assertThat(response.status()).as(person + ": " + response.body()).isEqualTo(403);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(flashVerdicts(serial)).isEmpty();
    }

    @Test
    void refusesAFlashNamingAnotherFixtureThanTheSignedInOne() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());
        var response = asFixture()
                .post(
                        "/api/equipment/flash-results",
                        aFlash(serial, release).byFixture("FIX-2").json());
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:not-this-equipment");
        assertThat(flashVerdicts(serial)).isEmpty();
    }

    @Test
    void refusesAFlashForAUnitThatIsNotCheckedInAtThatFlashStation() {
        var release = aRelease();
        approved(release);
        var neverSeen = newSerial();
        var atAssembly = checkedIn(newSerial(), "AX4-ENT", "ASM-40", "ASSEMBLY");
        var atAnotherFlashStation = checkedIn(newSerial(), "AX4-ENT", "FW-2", "FIRMWARE_FLASH");
        var gone = atFlashStation(newSerial());
        departed(gone, "FW-1");
        var atAnotherLinesFlashStation = checkedIn(newSerial(), "AX4-ENT", "FW-1", "L2", "FIRMWARE_FLASH");
        for (var serial : List.of(neverSeen, atAssembly, atAnotherFlashStation, gone, atAnotherLinesFlashStation)) {
            var response = asFixture()
                    .post(
                            "/api/equipment/flash-results",
                            aFlash(serial, release).json());
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unit-not-at-station");
            assertThat(response.json().get("detail").asString())
                    .contains("is not checked in at FIRMWARE_FLASH station FW-1 of line L1");
            assertThat(flashVerdicts(serial)).isEmpty();
        }
    }

    @Test
    void refusesAFlashOnKafkaForAUnitThatIsNotAtAFlashStation() {
        var release = aRelease();
        approved(release);
        var serial = checkedIn(newSerial(), "AX4-ENT", "ASM-40", "ASSEMBLY");
        send(aFlash(serial, release).event());
        readUntil(
                com.linetrace.contracts.Topics.deadLetter(com.linetrace.contracts.Topics.EQUIPMENT_RESULTS),
                records -> records.stream().anyMatch(r -> serial.value().equals(r.key())));
        assertThat(flashVerdicts(serial)).isEmpty();
    }

    @Test
    void rejectsAFlashOfAReleaseOfAnotherModelThanTheUnits() {
        var racer = aRelease().model("AX9-RACE");
        approved(racer);
        var serial = atFlashStation(newSerial());
        var verdict = flash(aFlash(serial, racer));
        assertThat(verdict.code()).isEqualTo(FirmwareRejected.Code.MODEL_MISMATCH);
        assertThat(verdict.reason()).contains("is a AX4-ENT, not a AX9-RACE");
        assertThat(flashVerdicts(serial)).containsExactly("REJECTED");
    }

    @Test
    void theApprovedImagesHashesAreNotForTheFloor() {
        var id = approved(aRelease());
        for (var person : List.of("operator", "supervisor", "manager")) {
            assertThat(as(person).get("/api/firmware-releases").status())
                    .as(person)
                    .isEqualTo(403);
            assertThat(as(person).get("/api/firmware-releases/" + id).status())
                    .as(person)
                    .isEqualTo(403);
        }
        assertThat(asFixture().get("/api/firmware-releases").status()).isEqualTo(403);
    }

    @Test
    void theRecallScopeFollowsTheOrderProvisioningRecordedFlashesInNotTheFixturesClock() {
        var older = aRelease().module(FirmwareModule.GIMBAL);
        approved(older);
        var newer = aRelease().module(FirmwareModule.GIMBAL);
        var newerId = approved(newer);
        var serial = atFlashStation(newSerial());
        assertThat(flash(aFlash(serial, older))).isNull();
        // The re-flash with the newer release comes from a fixture whose clock is an hour behind.
        send(aFlash(serial, newer)
                .reportedAt(java.time.Instant.now().minus(Duration.ofHours(1)))
                .event());
        await().atMost(Duration.ofSeconds(20)).until(() -> flashVerdicts(serial).size() == 2);
        assertThat(flashVerdicts(serial)).containsExactly("VERIFIED", "VERIFIED");

        var revoked = revoke(newerId, "Gimbal drift");
        assertThat(revoked.get("affectedSerials").asInt()).isEqualTo(1);
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + newerId + "/affected-serials")
                        .body())
                .contains(serial.value());
        assertThat(eventsOf(serial, e -> e.size() >= 3).getLast().body()).isInstanceOf(FirmwareReleaseRevoked.class);
    }

    @Test
    void onlyQualityRevokesAndOnlyWithAReason() {
        var id = approved(aRelease());
        var path = "/api/firmware-releases/" + id + "/revocation";
        assertThat(as("engineer")
                        .post(path, signed("{\"reason\":\"x\"}", "engineer"))
                        .status())
                .isEqualTo(403);
        assertThat(as("quality").post(path, "{\"reason\":\"  \"}").status()).isEqualTo(400);
    }

    /** Flashes through the REST adapter, the unit checked in at the flash station; the rejection, or null. */
    private Rejection flash(Builders.FlashBuilder flash) {
        atFlashStation(flash.serial());
        var response = asFixture().post("/api/equipment/flash-results", flash.json());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var body = response.json();
        if (body.get("verdict").asString().equals("VERIFIED")) {
            return null;
        }
        return new Rejection(
                FirmwareRejected.Code.valueOf(body.get("code").asString()),
                body.get("message").asString());
    }

    record Rejection(FirmwareRejected.Code code, String reason) {}

    private tools.jackson.databind.JsonNode revoke(UUID id, String reason) {
        var response = as("quality")
                .post("/api/firmware-releases/" + id + "/revocation", signed("{\"reason\":\"" + reason + "\"}"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> flashVerdicts(com.linetrace.contracts.Serial serial) {
        return jdbc.sql("select verdict from provisioning.flash_record where serial = :serial order by id")
                .param("serial", serial.value())
                .query(String.class)
                .list();
    }
}
