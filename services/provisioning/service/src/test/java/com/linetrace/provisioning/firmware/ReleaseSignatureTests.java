package com.linetrace.provisioning.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.provisioning.PrivateKeySamples;
import com.linetrace.provisioning.TestPki;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class ReleaseSignatureTests {

    private static final Sha256 IMAGE =
            Sha256.parse("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08");
    private static final ReleaseManifest MANIFEST =
            new ReleaseManifest("AX4-ENT", FirmwareModule.FLIGHT_CONTROLLER, "4.2.1", IMAGE, 1_048_576);

    private final TrustedReleaseKeys trusted = TrustedReleaseKeys.of(List.of(TestPki.RELEASE_KEY.getPublic()));

    @Test
    void canonicalManifestIsSixLinesWithTheHashInLowerCase() {
        assertThat(MANIFEST.canonicalText()).isEqualTo("""
                        linetrace-firmware-release-v1
                        model=AX4-ENT
                        module=FLIGHT_CONTROLLER
                        version=4.2.1
                        sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                        size=1048576
                        """);
    }

    @Test
    void acceptsASignatureByATrustedKeyAndNamesTheKey() {
        var signature = signature(TestPki.RELEASE_KEY, MANIFEST);
        assertThat(trusted.signerOf(MANIFEST, signature))
                .contains(TrustedReleaseKeys.idOf(TestPki.RELEASE_KEY.getPublic()));
    }

    @Test
    void refusesASignatureByAKeyThatIsNotTrusted() {
        assertThat(trusted.signerOf(MANIFEST, signature(TestPki.UNTRUSTED_RELEASE_KEY, MANIFEST)))
                .isEmpty();
    }

    @Test
    void refusesASignatureOverAnyOtherManifest() {
        var signature = signature(TestPki.RELEASE_KEY, MANIFEST);
        var otherVersion = new ReleaseManifest("AX4-ENT", FirmwareModule.FLIGHT_CONTROLLER, "4.2.2", IMAGE, 1_048_576);
        var otherSize = new ReleaseManifest("AX4-ENT", FirmwareModule.FLIGHT_CONTROLLER, "4.2.1", IMAGE, 1_048_577);
        var otherModule = new ReleaseManifest("AX4-ENT", FirmwareModule.ESC, "4.2.1", IMAGE, 1_048_576);
        assertThat(trusted.signerOf(otherVersion, signature)).isEmpty();
        assertThat(trusted.signerOf(otherSize, signature)).isEmpty();
        assertThat(trusted.signerOf(otherModule, signature)).isEmpty();
        assertThat(trusted.signerOf(MANIFEST, new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void trustsSeveralKeysAtOnceSoAKeyCanBeRotated() {
        var rotated = TestPki.ed25519();
        var keys = TrustedReleaseKeys.fromSettings(
                List.of(
                        TestPki.pem(TestPki.RELEASE_KEY.getPublic()),
                        Base64.getEncoder().encodeToString(rotated.getPublic().getEncoded())),
                new DefaultResourceLoader());
        assertThat(keys.signerOf(MANIFEST, signature(TestPki.RELEASE_KEY, MANIFEST)))
                .isPresent();
        assertThat(keys.signerOf(MANIFEST, signature(rotated, MANIFEST))).isPresent();
        assertThat(keys.ids()).hasSize(2);
    }

    @Test
    void refusesAConfiguredPrivateKeyWithoutQuotingIt() {
        var sample = PrivateKeySamples.all().get("PKCS#8 PEM (Ed25519)");
        assertThatThrownBy(() -> TrustedReleaseKeys.fromSettings(List.of(sample.text()), new DefaultResourceLoader()))
                .hasMessageContaining("private key material")
                .hasMessageNotContaining(sample.secretFragment());
    }

    @Test
    void refusesAConfiguredKeyThatIsNotEd25519() {
        assertThatThrownBy(() -> TrustedReleaseKeys.fromSettings(
                        List.of(TestPki.pem(TestPki.p256().getPublic())), new DefaultResourceLoader()))
                .hasMessageContaining("not an Ed25519 public key");
    }

    @Test
    void refusesManifestFieldsThatCouldBreakTheCanonicalForm() {
        assertThatThrownBy(() -> new ReleaseManifest("AX4\nmodel=X", FirmwareModule.ESC, "1", IMAGE, 1))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> new ReleaseManifest("AX4-ENT", FirmwareModule.ESC, "1.0\nsize=2", IMAGE, 1))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new ReleaseManifest("AX4-ENT", FirmwareModule.ESC, "1.0", IMAGE, 0))
                .hasMessageContaining("size");
    }

    private static byte[] signature(java.security.KeyPair key, ReleaseManifest manifest) {
        return Base64.getDecoder().decode(TestPki.sign(key, manifest.canonicalBytes()));
    }
}
