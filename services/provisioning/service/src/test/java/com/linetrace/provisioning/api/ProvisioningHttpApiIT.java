package com.linetrace.provisioning.api;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aKeyInjection;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.provisioning.TestPki;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Provisioning's api interfaces are its HTTP API: a client made from the interfaces alone (as the UI's remote binding
 * is) registers, approves, reads and revokes releases and reads a unit's flashes and key injections, the caller taken
 * from the request; unknown things are 404 with their type and an unexpected failure is 500 with nothing internal.
 */
class ProvisioningHttpApiIT extends ProvisioningIntegrationSupport {

    private <T> T client(Class<T> api, String user) {
        var rest = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, user))
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(api);
    }

    @Test
    void servesTheCatalogAndAUnitsRecordsThroughTheApiInterfaces() {
        var release = aRelease();
        var manifest = release.manifest();
        var registered = client(FirmwareReleaseCatalog.class, "engineer")
                .registerRelease(new ReleaseRegistration(
                        manifest.model(),
                        manifest.module().name(),
                        manifest.version(),
                        manifest.sha256().hex(),
                        manifest.sizeBytes(),
                        TestPki.sign(TestPki.RELEASE_KEY, manifest.canonicalBytes())));
        assertThat(registered.state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(registered.registeredBy()).isEqualTo("engineer");
        assertThat(registered.signatureValid()).isTrue();

        var quality = client(FirmwareReleaseCatalog.class, "quality");
        var approved = quality.approveRelease(registered.id(), decision("Release tests passed", "quality"));
        assertThat(approved.state()).isEqualTo(ReleaseState.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("quality");
        assertThat(quality.release(registered.id()).approvalReason()).isEqualTo("Release tests passed");
        assertThat(quality.releases(ReleaseState.APPROVED))
                .extracting(ReleaseSummary::id)
                .contains(registered.id());
        assertThat(quality.releases(ReleaseState.DRAFT))
                .extracting(ReleaseSummary::id)
                .doesNotContain(registered.id());

        var serial = atFlashStation(newSerial());
        assertThat(asFixture()
                        .post(
                                "/api/equipment/flash-results",
                                aFlash(serial, release).json())
                        .status())
                .isEqualTo(200);
        assertThat(asKeyStation()
                        .post(
                                "/api/equipment/key-injection-results",
                                aKeyInjection(serial).json())
                        .status())
                .isEqualTo(200);
        assertThat(client(UnitFlashes.class, "quality").flashes(serial))
                .singleElement()
                .satisfies(flash -> assertThat(flash.verdict()).isEqualTo("VERIFIED"));
        assertThat(client(UnitKeyInjections.class, "supervisor").keyInjections(serial))
                .singleElement()
                .satisfies(key -> assertThat(key.verdict()).as(key.reason()).isEqualTo("VERIFIED"));
        assertThat(client(UnitFlashes.class, "quality").flashes(newSerial())).isEmpty();

        var revoked = quality.revokeRelease(registered.id(), decision("Motor desync at low voltage", "quality"));
        assertThat(revoked.state()).isEqualTo(ReleaseState.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo("quality");
        assertThat(quality.affectedSerials(registered.id())).containsExactly(serial);
    }

    @Test
    void refusesOverHttpWithTheApisProblemTypes() {
        var untrusted = new ReleaseRegistration(
                "AX4-ENT", "FLIGHT_CONTROLLER", "0.0.1", "ab".repeat(32), 10, "bm90IGEgc2lnbmF0dXJl");
        assertThatThrownBy(
                        () -> client(FirmwareReleaseCatalog.class, "engineer").registerRelease(untrusted))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode().value())
                            .isEqualTo(ProvisioningProblem.RELEASE_SIGNATURE_INVALID.status());
                    assertThat(e.getResponseBodyAsString())
                            .contains(ProvisioningProblem.RELEASE_SIGNATURE_INVALID.type());
                });
        assertThatThrownBy(
                        () -> client(FirmwareReleaseCatalog.class, "operator").releases(null))
                .isInstanceOf(HttpClientErrorException.Forbidden.class);
    }

    @Test
    void answersAnUnknownReleaseWith404AndItsType() {
        var unknown = UUID.randomUUID();
        for (var path : new String[] {
            "/api/firmware-releases/" + unknown, "/api/firmware-releases/" + unknown + "/affected-serials"
        }) {
            var answer = as("quality").get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:release-not-found");
            assertThat(answer.json().path("detail").asString()).isEqualTo("No firmware release " + unknown);
        }
        assertThatThrownBy(() -> client(FirmwareReleaseCatalog.class, "quality")
                        .approveRelease(unknown, decision("ok", "quality")))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThat(as("quality").get("/api/units/NOT-A-SERIAL/flashes").status())
                .isEqualTo(400);
        var unknownPath = as("quality").get("/api/firmware-releases/" + unknown + "/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
    }

    @Test
    void answersAnUnexpectedFailureWith500AndAnIncidentIdOnly() {
        // A row no release could be read from (a module provisioning does not know): reading it fails unexpectedly.
        var corrupt = UUID.randomUUID();
        jdbc.sql("""
                        insert into provisioning.firmware_release
                            (id, model, module, version, sha256, size_bytes, signature, signing_key_id, state,
                             registered_by, registered_at)
                        values (:id, 'AX4-ENT', 'ROTOR_CONTROLLER', :version, :sha256, 1, 'c2ln', 'k', 'DRAFT',
                                'engineer', now())""")
                .param("id", corrupt)
                .param("version", "corrupt-" + corrupt)
                .param("sha256", corrupt.toString().replace("-", "").repeat(2))
                .update();
        try {
            var answer = as("quality").get("/api/firmware-releases/" + corrupt);
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:internal");
            assertThat(answer.json().path("detail").asString()).containsPattern("quote incident [0-9a-f-]{36}$");
            assertThat(answer.body())
                    .doesNotContain("ROTOR_CONTROLLER")
                    .doesNotContainIgnoringCase("sql")
                    .doesNotContain("Exception")
                    .doesNotContain("com.linetrace");
        } finally {
            jdbc.sql("delete from provisioning.firmware_release where id = :id")
                    .param("id", corrupt)
                    .update();
        }
    }
}
