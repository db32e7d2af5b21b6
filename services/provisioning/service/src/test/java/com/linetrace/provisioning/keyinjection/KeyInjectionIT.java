package com.linetrace.provisioning.keyinjection;

import static com.linetrace.provisioning.Builders.aKeyInjection;
import static com.linetrace.provisioning.Builders.newSerial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.provisioning.Builders;
import com.linetrace.provisioning.ProvisioningIntegrationSupport;
import com.linetrace.provisioning.TestPki;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class KeyInjectionIT extends ProvisioningIntegrationSupport {

    @Test
    void verifiesAKeyInjectionAndStoresOnlyPublicMaterial() throws Exception {
        var serial = newSerial();
        var injection = aKeyInjection(serial);
        var verdict = report(injection);
        var fingerprint = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(injection.device().getPublic().getEncoded()));
        assertThat(verdict.verdict()).isEqualTo("VERIFIED");
        assertThat(verdict.fingerprint()).isEqualTo(fingerprint);
        assertThat(onlyEventOf(serial).body()).isInstanceOfSatisfying(KeyInjectionVerified.class, event -> {
            assertThat(event.fingerprint()).isEqualTo(fingerprint);
            assertThat(event.subject()).contains("CN=" + serial.value());
            assertThat(event.issuer()).contains("CN=LineTrace Test Plant CA");
        });
        var stored = jdbc.sql("""
                        select public_key_pem, certificate_pem, fingerprint, actor, station_id
                        from provisioning.key_injection where serial = :serial""").param("serial", serial.value()).query().singleRow();
        assertThat(stored.get("public_key_pem").toString()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(stored.get("certificate_pem").toString()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(stored)
                .containsEntry("fingerprint", fingerprint)
                .containsEntry("actor", "KEY-1")
                .containsEntry("station_id", "KEY-1");
        // The device history record shows the certificate: the event carries it (public material only).
        assertThat(((KeyInjectionVerified) onlyEventOf(serial).body()).certificatePem())
                .isEqualTo(stored.get("certificate_pem").toString());
    }

    @Test
    void verifiesAKeyInjectionReportedOnKafka() {
        var serial = newSerial();
        send(aKeyInjection(serial).event());
        assertThat(onlyEventOf(serial).body()).isInstanceOf(KeyInjectionVerified.class);
    }

    @Test
    void rejectsACertificateForAnotherKeyThanTheCsrs() {
        var verdict = report(aKeyInjection(newSerial()).certifyingAnotherKey());
        assertThat(verdict.code()).isEqualTo(KeyInjectionRejected.Code.PUBLIC_KEY_MISMATCH);
        assertThat(verdict.message()).contains("certificate's public key is not");
    }

    @Test
    void rejectsACertificateFromAForeignCa() {
        var verdict = report(aKeyInjection(newSerial()).issuedBy(TestPki.FOREIGN_CA));
        assertThat(verdict.code()).isEqualTo(KeyInjectionRejected.Code.UNTRUSTED_ISSUER);
        assertThat(verdict.message()).contains("not issued by the plant CA");
    }

    @Test
    void rejectsAnExpiredCertificate() {
        assertThat(report(aKeyInjection(newSerial()).expired()).code())
                .isEqualTo(KeyInjectionRejected.Code.OUTSIDE_VALIDITY);
    }

    @Test
    void rejectsACertificateThatNamesAnotherSerial() {
        var other = newSerial();
        var verdict = report(aKeyInjection(newSerial()).withSubject("CN=" + other.value()));
        assertThat(verdict.code()).isEqualTo(KeyInjectionRejected.Code.SUBJECT_MISMATCH);
    }

    @Test
    void rejectsADuplicateKeyOnBothUnits() {
        var first = newSerial();
        var second = newSerial();
        var device = TestPki.p256();
        assertThat(report(aKeyInjection(first).withDeviceKey(device)).verdict()).isEqualTo("VERIFIED");

        var duplicate = report(aKeyInjection(second).withDeviceKey(device));

        assertThat(duplicate.code()).isEqualTo(KeyInjectionRejected.Code.DUPLICATE_KEY);
        assertThat(onlyEventOf(second).body())
                .isInstanceOfSatisfying(
                        KeyInjectionRejected.class,
                        event -> assertThat(event.code()).isEqualTo(KeyInjectionRejected.Code.DUPLICATE_KEY));
        var firstEvents = eventsOf(first, events -> events.size() >= 2);
        assertThat(firstEvents.getLast().body()).isInstanceOfSatisfying(KeyInjectionRejected.class, event -> {
            assertThat(event.code()).isEqualTo(KeyInjectionRejected.Code.DUPLICATE_KEY);
            assertThat(event.reason()).contains("also reported on unit " + second.value());
        });
        assertThat(verdicts(first)).containsExactly("REJECTED");
        assertThat(verdicts(second)).containsExactly("REJECTED");
    }

    @Test
    void aReportWithAnotherUnitsPublicKeyButNoProofOfPossessionDoesNotGetThatUnitHeld() {
        var owner = newSerial();
        var device = TestPki.p256();
        assertThat(report(aKeyInjection(owner).withDeviceKey(device)).verdict()).isEqualTo("VERIFIED");

        // The owner's public key is in its certificate for anyone to copy; the copier signs the CSR with its own key.
        var copier = newSerial();
        var copied = report(aKeyInjection(copier).claimingKey(device.getPublic()));
        assertThat(copied.code()).isEqualTo(KeyInjectionRejected.Code.PUBLIC_KEY_MISMATCH);
        // Or sends a CSR of the copied key with a signature that does not verify.
        var forger = newSerial();
        var forged = aKeyInjection(forger).withDeviceKey(device);
        var report = forged.report();
        var csr = report.csrPem();
        var tampered = csr.substring(0, csr.length() - 40)
                + (csr.charAt(csr.length() - 40) == 'A' ? 'B' : 'A')
                + csr.substring(csr.length() - 39);
        var response = asKeyStation()
                .post(
                        "/api/equipment/key-injection-results",
                        forged.json(new com.linetrace.contracts.equipment.KeyInjectionReported(
                                report.secureElementId(),
                                report.keyPurpose(),
                                report.publicKeyPem(),
                                tampered,
                                report.certificatePem(),
                                report.stationId())));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("code").asString()).isIn("CSR_SIGNATURE_INVALID", "MALFORMED");

        eventsOf(forger, events -> !events.isEmpty());
        eventsOf(copier, events -> !events.isEmpty());
        assertThat(eventsOf(owner, events -> !events.isEmpty()))
                .singleElement()
                .satisfies(event -> assertThat(event.body()).isInstanceOf(KeyInjectionVerified.class));
        assertThat(verdicts(owner)).containsExactly("VERIFIED");
    }

    @Test
    void aKeyCopiedBeforeItsOwnerReportsItDoesNotStopTheOwner() {
        var device = TestPki.p256();
        var copier = newSerial();
        assertThat(report(aKeyInjection(copier).claimingKey(device.getPublic())).code())
                .isEqualTo(KeyInjectionRejected.Code.PUBLIC_KEY_MISMATCH);
        assertThat(report(aKeyInjection(newSerial()).withDeviceKey(device)).verdict())
                .isEqualTo("VERIFIED");
    }

    @Test
    void recognisesTheSameKeyCompressedAndUncompressedAsOneKey() {
        var device = TestPki.p256();
        var first = report(aKeyInjection(newSerial()).withDeviceKey(device));
        assertThat(first.verdict()).isEqualTo("VERIFIED");
        var second = report(aKeyInjection(newSerial()).withDeviceKey(device).compressed());
        assertThat(second.code()).as(second.message()).isEqualTo(KeyInjectionRejected.Code.DUPLICATE_KEY);
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void acceptsAP256KeyReportedWithACompressedPoint() {
        var verdict = report(aKeyInjection(newSerial()).compressed());
        assertThat(verdict.verdict()).as(verdict.message()).isEqualTo("VERIFIED");
    }

    @Test
    void rejectsADeviceKeyOfAnAlgorithmTheKeyPolicyDoesNotAllow() {
        for (var device : List.of(TestPki.rsa(), TestPki.ed25519())) {
            var verdict = report(aKeyInjection(newSerial()).withDeviceKey(device));
            assertThat(verdict.code()).isEqualTo(KeyInjectionRejected.Code.KEY_ALGORITHM_NOT_ALLOWED);
            assertThat(verdict.message()).contains("allows only P-256");
        }
    }

    @Test
    void rejectsACsrWhoseSubjectDoesNotNameTheSerial() {
        var verdict = report(
                aKeyInjection(newSerial()).withCsrSubject("CN=" + newSerial().value()));
        assertThat(verdict.code()).isEqualTo(KeyInjectionRejected.Code.SUBJECT_MISMATCH);
        assertThat(verdict.message()).contains("CSR's subject");
    }

    @Test
    void rejectsADeviceCertificateThatIsACaOrMayNotSign() {
        var asCa = report(aKeyInjection(newSerial()).certifiedAs(true, KeyUsage.digitalSignature));
        assertThat(asCa.code()).isEqualTo(KeyInjectionRejected.Code.NOT_A_DEVICE_CERTIFICATE);
        assertThat(asCa.message()).contains("CA certificate");
        var signsCertificates =
                report(aKeyInjection(newSerial()).certifiedAs(false, KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        assertThat(signsCertificates.code()).isEqualTo(KeyInjectionRejected.Code.NOT_A_DEVICE_CERTIFICATE);
        var encipherOnly = report(aKeyInjection(newSerial()).certifiedAs(false, KeyUsage.keyEncipherment));
        assertThat(encipherOnly.code()).isEqualTo(KeyInjectionRejected.Code.NOT_A_DEVICE_CERTIFICATE);
        assertThat(encipherOnly.message()).contains("digital signature");
        var noUsage = report(aKeyInjection(newSerial()).certifiedAs(false, 0));
        assertThat(noUsage.code()).isEqualTo(KeyInjectionRejected.Code.NOT_A_DEVICE_CERTIFICATE);
    }

    private List<String> verdicts(Serial serial) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !jdbc.sql("select 1 from provisioning.key_injection where serial = :s")
                        .param("s", serial.value())
                        .query()
                        .listOfRows()
                        .isEmpty());
        return jdbc.sql("select verdict from provisioning.key_injection where serial = :s order by id")
                .param("s", serial.value())
                .query(String.class)
                .list();
    }

    record Verdict(String verdict, KeyInjectionRejected.Code code, String message, String fingerprint) {}

    private Verdict report(Builders.KeyInjectionBuilder injection) {
        var response = asKeyStation().post("/api/equipment/key-injection-results", injection.json());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var body = response.json();
        return new Verdict(
                body.get("verdict").asString(),
                body.get("code").isNull()
                        ? null
                        : KeyInjectionRejected.Code.valueOf(body.get("code").asString()),
                body.get("message").asString(),
                body.get("fingerprint").isNull()
                        ? null
                        : body.get("fingerprint").asString());
    }
}
