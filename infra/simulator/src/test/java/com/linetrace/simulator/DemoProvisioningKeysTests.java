package com.linetrace.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Serial;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class DemoProvisioningKeysTests {

    static final DemoProvisioningKeys KEYS = DemoProvisioningKeys.generate();
    static final String SERIAL = Serial.issue("LTRC", 4711, 9).value();

    @Test
    void issuesADeviceIdentityWhoseCsrProvesPossessionAndWhoseCertificateChainsToTheDemoCaAndNamesTheSerial()
            throws Exception {
        var identity = KEYS.identity(SERIAL, DemoProvisioningKeys.deviceKeyPair());

        var key = (SubjectPublicKeyInfo) read(identity.publicKeyPem());
        var csr = (PKCS10CertificationRequest) read(identity.csrPem());
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo())))
                .isTrue();
        assertThat(csr.getSubjectPublicKeyInfo()).isEqualTo(key);

        var certificate = certificate(identity.certificatePem());
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(key.getEncoded());
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(certificate(KEYS.caCertificatePem()), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        certificate.checkValidity();

        var subject = new X500Name(certificate.getSubjectX500Principal().getName());
        assertThat(IETFUtils.valueToString(
                        subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()))
                .isEqualTo(SERIAL);
    }

    @Test
    void signsReleasesSoTheirPublishedPublicKeyVerifiesThem() throws Exception {
        var manifest = "linetrace-firmware-release-v1\nmodel=AX4-ENT\n".getBytes(StandardCharsets.UTF_8);
        var base64 = KEYS.releasePublicKeyPem().replaceAll("-----(BEGIN|END) PUBLIC KEY-----|\\s", "");
        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64))));
        verifier.update(manifest);
        assertThat(verifier.verify(Base64.getDecoder().decode(KEYS.signRelease(manifest))))
                .isTrue();
    }

    @Test
    void letsNoPrivateKeyOutOfMemory() {
        var identity = KEYS.identity(SERIAL, DemoProvisioningKeys.deviceKeyPair());
        assertThat(List.of(
                        KEYS.releasePublicKeyPem(),
                        KEYS.caCertificatePem(),
                        KEYS.toString(),
                        identity.toString(),
                        identity.publicKeyPem()))
                .noneMatch(text -> text.contains("PRIVATE"));
    }

    @Test
    void makesAFreshDeviceKeyForEachUnitAndReusesOneOnlyWhenAskedTo() {
        var equipment = Equipment.of(KEYS);
        var first = equipment.identity(SERIAL, false);
        var second = equipment.identity(SERIAL, false);
        var reused = equipment.identity(SERIAL, true);
        assertThat(second.publicKeyPem()).isNotEqualTo(first.publicKeyPem());
        assertThat(reused.publicKeyPem()).isEqualTo(second.publicKeyPem());
    }

    private static Object read(String pem) throws Exception {
        try (var parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        }
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
