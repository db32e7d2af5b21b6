package com.linetrace.provisioning.equipment;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.testing.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Station equipment signs in with its own id and secret and reports with the token identity gives it, as a fixture
 * talking to services apart would; a person's token cannot report for it.
 */
class EquipmentTokenIT extends ProvisioningIntegrationSupport {

    private String tokenFor(String name, String secret) {
        var answer = ApiClient.at(port)
                .post("/api/tokens", "{\"username\":\"" + name + "\",\"password\":\"" + secret + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("accessToken").asString();
    }

    @Test
    void aFixtureReportsAFlashWithTheTokenItSignedInFor() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());

        var verdict = ApiClient.at(port)
                .bearer(tokenFor("FIX-1", "FIX-1"))
                .post("/api/equipment/flash-results", aFlash(serial, release).json());

        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.body()).contains("VERIFIED");
    }

    @Test
    void aPersonsTokenCannotReportForEquipment() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());

        var refused = ApiClient.at(port)
                .bearer(tokenFor("operator", "operator"))
                .post("/api/equipment/flash-results", aFlash(serial, release).json());

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }
}
