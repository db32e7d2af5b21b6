package com.linetrace.provisioning.equipment;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import org.junit.jupiter.api.Test;

/**
 * Provisioning's free text (a fixture's model and version, quality's reasons) is refused over REST when no consumer
 * could record it or it is longer than its field, and nothing is recorded.
 */
class ResultTextIT extends ProvisioningIntegrationSupport {

    @Test
    void refusesAFlashReportWhoseTextNoConsumerCouldRecord() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());
        var good = aFlash(serial, release).json();

        var loneSurrogate =
                asFixture().post("/api/equipment/flash-results", good.replace("\"FIX-1\"", "\"FIX-\\uD800\""));
        assertThat(loneSurrogate.status()).as(loneSurrogate.body()).isEqualTo(400);
        assertThat(loneSurrogate.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-text");
        assertThat(loneSurrogate.json().get("detail").asString()).startsWith("fixtureId has half of a character");

        var longModel = asFixture()
                .post(
                        "/api/equipment/flash-results",
                        good.replaceFirst("\"model\":\"[^\"]*\"", "\"model\":\"" + "M".repeat(101) + "\""));
        assertThat(longModel.status()).as(longModel.body()).isEqualTo(400);
        assertThat(longModel.json().get("detail").asString()).contains("model has 101 characters");

        assertThat(jdbc.sql("select count(*) from provisioning.flash_record where serial = :serial")
                        .param("serial", serial.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesARevocationReasonWithANulAndKeepsTheReleaseApproved() {
        var id = approved(aRelease());
        var answer =
                as("quality").post("/api/firmware-releases/" + id + "/revocation", "{\"reason\":\"bad image\\u0000\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-text");
        assertThat(as("quality")
                        .get("/api/firmware-releases/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("APPROVED");

        var tooLong = as("quality")
                .post("/api/firmware-releases/" + id + "/revocation", "{\"reason\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("reason has 501 characters");
    }
}
