package com.linetrace.provisioning.keyinjection;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.contracts.provisioning.KeyInjectionRejected.Code;
import com.linetrace.provisioning.TestPki;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeviceCertificateCheckTests {

    private static final Serial SERIAL = Serial.issue("LTRC", 4711, 9);
    private static final PlantCa CA = PlantCa.of(certificate(TestPki.PLANT_CA.certificatePem));

    @Test
    void passesAnEcKeyCertifiedByThePlantCaForThisSerial() {
        var result = check(report(TestPki.p256(), "CN=" + SERIAL), CA);
        assertThat(result).isInstanceOfSatisfying(DeviceCertificateCheck.Passed.class, passed -> {
            assertThat(passed.subject()).isEqualTo("CN=" + SERIAL);
            assertThat(passed.fingerprint()).hasSize(64);
        });
    }

    @Test
    void passesAnEd25519KeyNamedByTheSerialNumberAttribute() {
        assertThat(check(report(TestPki.ed25519(), "SERIALNUMBER=" + SERIAL + ",O=LineTrace"), CA))
                .isInstanceOf(DeviceCertificateCheck.Passed.class);
    }

    @Test
    void rejectsACsrWhoseSignatureWasTamperedWith() {
        var device = TestPki.p256();
        var good = report(device, "CN=" + SERIAL);
        var der = Base64.getMimeDecoder().decode(good.csrPem().replaceAll("-----[A-Z ]+-----", ""));
        der[der.length - 3] ^= 0x01;
        var tampered = new KeyInjectionReported(
                "SE-1",
                "DEVICE_IDENTITY",
                good.publicKeyPem(),
                TestPki.pem("CERTIFICATE REQUEST", der),
                good.certificatePem(),
                "KEY-1");
        assertThat(code(check(tampered, CA))).isEqualTo(Code.CSR_SIGNATURE_INVALID);
    }

    @Test
    void rejectsEverythingWhenNoPlantCaIsConfigured() {
        var result = check(report(TestPki.p256(), "CN=" + SERIAL), PlantCa.of(null));
        assertThat(code(result)).isEqualTo(Code.UNTRUSTED_ISSUER);
        assertThat(((DeviceCertificateCheck.Failed) result).reason())
                .isEqualTo("No plant CA certificate is configured");
    }

    @Test
    void rejectsTextThatIsNotAPublicKeyAsMalformed() {
        var good = report(TestPki.p256(), "CN=" + SERIAL);
        var notAKey = new KeyInjectionReported(
                "SE-1", "DEVICE_IDENTITY", good.certificatePem(), good.csrPem(), good.certificatePem(), "KEY-1");
        assertThat(code(check(notAKey, CA))).isEqualTo(Code.MALFORMED);
        assertThat(check(notAKey, CA).fingerprint()).isNull();
    }

    private static KeyInjectionReported report(KeyPair device, String subject) {
        return new KeyInjectionReported(
                "SE-1",
                "DEVICE_IDENTITY",
                TestPki.pem(device.getPublic()),
                TestPki.csr(device, subject),
                TestPki.PLANT_CA.issue(device.getPublic(), subject),
                "KEY-1");
    }

    private static DeviceCertificateCheck.Result check(KeyInjectionReported report, PlantCa ca) {
        return DeviceCertificateCheck.check(SERIAL, report, ca, Instant.now());
    }

    private static Code code(DeviceCertificateCheck.Result result) {
        assertThat(result).isInstanceOf(DeviceCertificateCheck.Failed.class);
        return ((DeviceCertificateCheck.Failed) result).code();
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
