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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.x509.KeyUsage;
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
        var policy = KeyPolicy.of(java.util.List.of("P-256", "Ed25519"));
        assertThat(DeviceCertificateCheck.check(
                        SERIAL,
                        report(TestPki.ed25519(), "SERIALNUMBER=" + SERIAL + ",O=LineTrace"),
                        CA,
                        policy,
                        Instant.now()))
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

    @Test
    void rejectsEveryKeyOnceThePlantCaHasExpiredThoughPkixIgnoresAnAnchorsDates() {
        var expired = TestPki.ca(
                "CN=Expired Plant CA", Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(29), true, CA_USAGE);
        var result =
                check(report(TestPki.p256(), "CN=" + SERIAL, expired), PlantCa.of(certificate(expired.certificatePem)));
        assertThat(code(result)).isEqualTo(Code.PLANT_CA_INVALID);
        assertThat(((DeviceCertificateCheck.Failed) result).reason()).contains("not now");
    }

    @Test
    void rejectsEveryKeyWhenThePlantCaIsNotACaOrMayNotSignCertificates() {
        var notACa = TestPki.ca("CN=Not A CA", Instant.now(), Duration.ofDays(30), false, KeyUsage.digitalSignature);
        assertThat(code(check(
                        report(TestPki.p256(), "CN=" + SERIAL, notACa),
                        PlantCa.of(certificate(notACa.certificatePem)))))
                .isEqualTo(Code.PLANT_CA_INVALID);
        var noCertSign = TestPki.ca("CN=No Cert Sign", Instant.now(), Duration.ofDays(30), true, KeyUsage.cRLSign);
        assertThat(code(check(
                        report(TestPki.p256(), "CN=" + SERIAL, noCertSign),
                        PlantCa.of(certificate(noCertSign.certificatePem)))))
                .isEqualTo(Code.PLANT_CA_INVALID);
        assertThat(PlantCa.of(certificate(noCertSign.certificatePem)).problem(Instant.now()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("keyCertSign"));
    }

    private static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;

    private static KeyInjectionReported report(KeyPair device, String subject) {
        return report(device, subject, TestPki.PLANT_CA);
    }

    private static KeyInjectionReported report(KeyPair device, String subject, TestPki.Ca issuer) {
        return new KeyInjectionReported(
                "SE-1",
                "DEVICE_IDENTITY",
                TestPki.pem(device.getPublic()),
                TestPki.csr(device, subject),
                issuer.issue(device.getPublic(), subject),
                "KEY-1");
    }

    private static DeviceCertificateCheck.Result check(KeyInjectionReported report, PlantCa ca) {
        return DeviceCertificateCheck.check(SERIAL, report, ca, KeyPolicy.DEFAULT, Instant.now());
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
