package com.linetrace.provisioning.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import com.linetrace.provisioning.PrivateKeySamples;
import com.linetrace.provisioning.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PrivateKeyDetectorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsEveryKindOfPrivateKeyInText() {
        PrivateKeySamples.all()
                .forEach((name, sample) -> assertThat(PrivateKeyDetector.find(sample.text()))
                        .as(name)
                        .isPresent());
    }

    @Test
    void findsPrivateKeysInsideJsonStringsEvenWhenEscaped() {
        PrivateKeySamples.all().forEach((name, sample) -> {
            var json = JSON.writeValueAsString(Map.of("body", Map.of("publicKeyPem", sample.text())));
            assertThat(PrivateKeyDetector.find(json.getBytes(StandardCharsets.UTF_8)))
                    .as(name)
                    .isPresent();
        });
        var pem = PrivateKeySamples.all().get("PKCS#8 PEM (EC)").text();
        var escaped = "{\"k\":\"" + pem.replace("-", "\\u002D").replace("\n", "\\n") + "\"}";
        assertThat(PrivateKeyDetector.find(escaped.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }

    @Test
    void findsRawDerPrivateKeys() {
        var ec = TestPki.p256();
        assertThat(PrivateKeyDetector.find(ec.getPrivate().getEncoded())).contains("PKCS#8 private key");
        assertThat(PrivateKeyDetector.find(PrivateKeySamples.sec1(ec))).contains("SEC1 EC private key");
        assertThat(PrivateKeyDetector.find(PrivateKeySamples.encryptedDer(ec)))
                .contains("encrypted PKCS#8 private key");
        assertThat(PrivateKeyDetector.find(TestPki.rsa().getPrivate().getEncoded()))
                .contains("PKCS#8 private key");
    }

    @Test
    void findsABase64KeyGluedToOtherText() {
        var key = Base64.getEncoder().encodeToString(TestPki.p256().getPrivate().getEncoded());
        assertThat(PrivateKeyDetector.find("key:" + key)).isPresent();
        assertThat(PrivateKeyDetector.find("abc" + key)).isPresent();
        assertThat(PrivateKeyDetector.find(Base64.getEncoder()
                        .encodeToString(PrivateKeySamples.all()
                                .get("PKCS#8 PEM (EC)")
                                .text()
                                .getBytes())))
                .as("a PEM private key, base64 encoded as a whole")
                .isPresent();
    }

    @Test
    void leavesPublicMaterialAlone() {
        var device = TestPki.p256();
        var serial = "LTRCA000000001X";
        assertThat(PrivateKeyDetector.find(TestPki.pem(device.getPublic()))).isEmpty();
        assertThat(PrivateKeyDetector.find(TestPki.csr(device, "CN=" + serial))).isEmpty();
        assertThat(PrivateKeyDetector.find(TestPki.PLANT_CA.issue(device.getPublic(), "CN=" + serial)))
                .isEmpty();
        assertThat(PrivateKeyDetector.find(TestPki.PLANT_CA.certificatePem)).isEmpty();
        assertThat(PrivateKeyDetector.find(device.getPublic().getEncoded())).isEmpty();
        assertThat(PrivateKeyDetector.find(TestPki.pem(TestPki.rsa().getPublic())))
                .isEmpty();
        assertThat(PrivateKeyDetector.find(TestPki.sign(TestPki.RELEASE_KEY, new byte[] {1})))
                .isEmpty();
        assertThat(PrivateKeyDetector.find("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .isEmpty();
        assertThat(PrivateKeyDetector.find("The fixture wrote the flight controller image and read it back twice"))
                .isEmpty();
    }

    @Test
    void saysWhatKindItFoundWithoutQuotingThePayload() {
        var sample = PrivateKeySamples.all().get("RSA PRIVATE KEY PEM (PKCS#1)");
        assertThatThrownBy(
                        () -> PrivateKeyDetector.refuseIfPresent(sample.text().getBytes()))
                .isInstanceOf(PrivateKeyMaterialException.class)
                .hasMessageContaining("PEM RSA PRIVATE KEY block")
                .hasMessageNotContaining(sample.secretFragment());
    }
}
