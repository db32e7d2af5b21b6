package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.audit.verifier.AuditVerifier;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * As an auditor would try it: a unit walked in, held, its release signed electronically by quality; the unit's device
 * history record shows the signature (printed name, time, meaning), and the standalone verifier, given the file and
 * the log's public key alone, accepts the record with its signature and refuses it once the signature shown is
 * altered.
 */
@IntegrationTest
class SignedReleaseIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aSignedReleaseIsOnTheUnitsRecordAndTheVerifierChecksItOffline() throws Exception {
        var supervisor = ApiClient.at(port).as("supervisor");
        var quality = ApiClient.at(port).as("quality");
        var released = supervisor.post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":1}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        var serial = released.json().get("serials").get(0).asString();
        assertThat(ApiClient.at(port)
                        .as("operator")
                        .post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}")
                        .json()
                        .get("verdict")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(supervisor
                        .post("/api/holds", "{\"serials\":[\"" + serial + "\"],\"reason\":\"arm hinge creaks\"}")
                        .status())
                .isEqualTo(200);

        var release = quality.post(
                "/api/units/" + serial + "/release",
                "{\"reason\":\"hinge replaced\",\"signature\":{\"password\":\"quality\",\"meaning\":\"APPROVED\"}}");
        assertThat(release.status()).as(release.body()).isEqualTo(200);

        var path = "/api/trace/units/" + serial + "/dhr.json";
        // Until trace has the unit, the record is a 404 problem: wait for the record, not only for its sections.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var dhr = quality.get(path);
            return dhr.status() == 200
                    && dhr.json().path("signatures").size() == 1
                    && dhr.json().path("holds").size() == 2;
        });
        var record = quality.get(path).body();
        var signature = JSON.readTree(record).get("signatures").get(0);
        assertThat(signature.get("action").asString()).isEqualTo("UNIT_RELEASE");
        assertThat(signature.get("printedName").asString()).isEqualTo("quality");
        assertThat(signature.get("meaning").asString()).isEqualTo("APPROVED");
        assertThat(signature.get("reason").asString()).isEqualTo("hinge replaced");
        assertThat(signature.get("signedAt").isString()).isTrue();

        var dir = Files.createTempDirectory("signed-release");
        var key = Files.writeString(
                dir.resolve("key.json"),
                ApiClient.at(port).get("/api/audit/public-key").body());
        var file = Files.writeString(dir.resolve("dhr-" + serial + ".json"), record);
        var verified = verify(key, file);
        assertThat(verified).startsWith("0 OK").contains("with 1 signatures");

        // The signature shown with another meaning than the one the ledger holds.
        var altered = Files.writeString(
                dir.resolve("altered.json"),
                record.replace("\"meaning\" : \"APPROVED\"", "\"meaning\" : \"REVIEWED\""));
        assertThat(Files.readString(altered)).isNotEqualTo(record);
        assertThat(verify(key, altered)).startsWith("1").contains("another meaning");
    }

    /** The verifier's exit status, then what it said. */
    private static String verify(Path key, Path record) {
        var out = new ByteArrayOutputStream();
        var status = new AuditVerifier(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("verify-dhr", key.toString(), record.toString());
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }
}
