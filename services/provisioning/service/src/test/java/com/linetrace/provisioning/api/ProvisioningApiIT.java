package com.linetrace.provisioning.api;

import static com.linetrace.provisioning.Builders.aFlash;
import static com.linetrace.provisioning.Builders.aKeyInjection;
import static com.linetrace.provisioning.Builders.aRelease;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.provisioning.Builders.ReleaseBuilder;
import com.linetrace.provisioning.PrivateKeySamples;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.provisioning.TestPki;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The api the UI calls in-process: the same rules and roles as over HTTP, refusals in words. */
class ProvisioningApiIT extends ProvisioningIntegrationSupport {

    @Autowired
    FirmwareReleaseCatalog catalog;

    @Autowired
    UnitFlashes flashes;

    @Autowired
    UnitKeyInjections keyInjections;

    private static void signedInAs(String user, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static ReleaseRegistration registration(ReleaseBuilder release, KeyPair signer) {
        var manifest = release.manifest();
        return new ReleaseRegistration(
                manifest.model(),
                manifest.module().name(),
                manifest.version(),
                manifest.sha256().hex(),
                manifest.sizeBytes(),
                TestPki.sign(signer, manifest.canonicalBytes()));
    }

    @Test
    void registersApprovesAndRevokesWithTheSignatureChecked() {
        var release = aRelease();
        signedInAs("engineer", "ENGINEER");
        var registered = catalog.registerRelease(registration(release, TestPki.RELEASE_KEY));
        assertThat(registered.state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(registered.signatureValid()).isTrue();
        assertThat(registered.signedBy()).isNotBlank();
        assertThat(catalog.releases(null)).extracting(ReleaseSummary::id).contains(registered.id());

        signedInAs("quality", "QUALITY");
        var approved = catalog.approveRelease(registered.id(), decision("Release tests passed", "quality"));
        assertThat(approved.state()).isEqualTo(ReleaseState.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("quality");

        var serial = atFlashStation(newSerial());
        assertThat(asFixture()
                        .post(
                                "/api/equipment/flash-results",
                                aFlash(serial, release).json())
                        .status())
                .isEqualTo(200);
        var revoked = catalog.revokeRelease(registered.id(), decision("Motor desync at low voltage", "quality"));
        assertThat(revoked.state()).isEqualTo(ReleaseState.REVOKED);
        assertThat(revoked.affectedSerials()).isEqualTo(1);
        assertThat(catalog.affectedSerials(registered.id())).containsExactly(serial);
    }

    @Test
    void refusesAnUntrustedSignatureInWords() {
        signedInAs("engineer", "ENGINEER");
        var release = aRelease();

        assertThatThrownBy(() -> catalog.registerRelease(registration(release, TestPki.UNTRUSTED_RELEASE_KEY)))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("does not verify against any trusted release key");
        assertThat(catalog.releases(null))
                .noneMatch(r -> r.sha256().equals(release.sha256().hex()));
    }

    @Test
    void refusesAnApprovalWithoutAReasonOrByAnotherRole() {
        signedInAs("engineer", "ENGINEER");
        var registered = catalog.registerRelease(registration(aRelease(), TestPki.RELEASE_KEY));

        assertThatThrownBy(() -> catalog.approveRelease(registered.id(), decision("ok", "engineer")))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("may not sign");
        signedInAs("quality", "QUALITY");
        assertThatThrownBy(() -> catalog.approveRelease(registered.id(), decision(" ", "quality")))
                .isInstanceOf(ProblemException.class)
                .hasMessage("reason is required");
        assertThat(catalog.releases(null))
                .filteredOn(r -> r.id().equals(registered.id()))
                .singleElement()
                .extracting(ReleaseSummary::state)
                .isEqualTo(ReleaseState.DRAFT);
    }

    @Test
    void refusesPrivateKeyMaterialInTheFormsFieldsAsTheRestApiDoes() {
        signedInAs("engineer", "ENGINEER");
        var release = aRelease();
        var key = java.util.HexFormat.of().formatHex(TestPki.p256().getPrivate().getEncoded());
        var leaking = new ReleaseRegistration(
                "AX4-ENT", "FLIGHT_CONTROLLER", "9.9.9", release.sha256().hex(), 4096, "c2ln" + key);
        assertThatThrownBy(() -> catalog.registerRelease(leaking))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("private key material");
        var registered = catalog.registerRelease(registration(release, TestPki.RELEASE_KEY));
        signedInAs("quality", "QUALITY");
        assertThatThrownBy(() -> catalog.approveRelease(
                        registered.id(),
                        decision(
                                "Approved, key "
                                        + PrivateKeySamples.all()
                                                .get("PKCS#8 PEM (EC)")
                                                .text(),
                                "quality")))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("private key material");
        assertThat(catalog.releases(null))
                .filteredOn(r -> r.id().equals(registered.id()))
                .singleElement()
                .extracting(ReleaseSummary::state)
                .isEqualTo(ReleaseState.DRAFT);
    }

    @Test
    void showsAUnitsFlashesAndKeyInjectionsWithTheirVerdicts() {
        var release = aRelease();
        approved(release);
        var serial = atFlashStation(newSerial());
        asFixture().post("/api/equipment/flash-results", aFlash(serial, release).json());
        asKeyStation()
                .post(
                        "/api/equipment/key-injection-results",
                        aKeyInjection(serial).json());
        signedInAs("quality", "QUALITY");

        assertThat(flashes.flashes(serial)).singleElement().satisfies(flash -> {
            assertThat(flash.verdict()).isEqualTo("VERIFIED");
            assertThat(flash.sha256Written()).isEqualTo(release.sha256().hex());
            assertThat(flash.version()).isEqualTo(release.manifest().version());
        });
        assertThat(keyInjections.keyInjections(serial)).singleElement().satisfies(key -> {
            assertThat(key.verdict()).as(key.reason()).isEqualTo("VERIFIED");
            assertThat(key.fingerprint()).hasSize(64);
            assertThat(key.subject()).contains(serial.value());
            assertThat(key.issuer()).contains("LineTrace Test Plant CA");
        });
        assertThat(flashes.flashes(newSerial())).isEmpty();
    }
}
