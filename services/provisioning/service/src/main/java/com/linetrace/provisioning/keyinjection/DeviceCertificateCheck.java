package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.contracts.provisioning.KeyInjectionRejected.Code;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a key injection that need no database, in order: the three PEM objects parse; the CSR's
 * signature verifies with its own key and that key is the reported one (proof of possession: only then does the
 * report count as a use of the key); the key's algorithm is one the key policy allows; the CSR's subject names the
 * unit's serial; the certificate's key is the same key; the certificate is within its validity; the plant CA is
 * itself valid now and a CA that may sign certificates; the certificate chains to it (PKIX, without revocation
 * checking); it is a device's certificate (not a CA's, key usage digital signature, not certificate or CRL signing);
 * its subject's CN or serialNumber is the unit's serial. Keys are compared and fingerprinted in one canonical
 * encoding ({@link PublicKeys}).
 */
public final class DeviceCertificateCheck {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private DeviceCertificateCheck() {}

    /**
     * What the checks found; {@code publicKeyPem} and {@code fingerprint} are set whenever the public key parsed, and
     * {@code possessionProven} when the CSR proved that the reporter holds the key's private half.
     */
    public sealed interface Result {
        @Nullable
        String fingerprint();

        boolean possessionProven();
    }

    public record Passed(
            String publicKeyPem,
            String fingerprint,
            String certificatePem,
            String subject,
            String issuer,
            Instant notAfter)
            implements Result {

        @Override
        public boolean possessionProven() {
            return true;
        }
    }

    public record Failed(
            Code code,
            String reason,
            @Nullable String publicKeyPem,
            @Nullable String fingerprint,
            boolean possessionProven)
            implements Result {}

    /** Reads the reported public key alone, in its canonical encoding: enough to recognise the key on another unit. */
    public static @Nullable SubjectPublicKeyInfo publicKey(String pem) {
        return read(pem) instanceof SubjectPublicKeyInfo key ? PublicKeys.canonical(key) : null;
    }

    public static String fingerprint(SubjectPublicKeyInfo key) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(key.getEncoded(ASN1Encoding.DER)))
                    .hex();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot fingerprint a public key", e);
        }
    }

    public static Result check(Serial serial, KeyInjectionReported report, PlantCa ca, KeyPolicy policy, Instant now) {
        var key = publicKey(report.publicKeyPem());
        if (key == null) {
            return new Failed(
                    Code.MALFORMED, "The public key is not a PEM public key (SubjectPublicKeyInfo)", null, null, false);
        }
        var keyPem = pem("PUBLIC KEY", key);
        var fingerprint = fingerprint(key);
        if (!(read(report.csrPem()) instanceof PKCS10CertificationRequest csr)) {
            return new Failed(
                    Code.MALFORMED, "The CSR is not a PEM PKCS#10 certification request", keyPem, fingerprint, false);
        }
        if (!(read(report.certificatePem()) instanceof X509CertificateHolder holder)) {
            return new Failed(
                    Code.MALFORMED, "The certificate is not a PEM X.509 certificate", keyPem, fingerprint, false);
        }
        if (!csrSignatureValid(csr)) {
            return new Failed(
                    Code.CSR_SIGNATURE_INVALID,
                    "The CSR's signature does not verify with its public key: no proof the device holds the private key",
                    keyPem,
                    fingerprint,
                    false);
        }
        if (!key.equals(PublicKeys.canonical(csr.getSubjectPublicKeyInfo()))) {
            return new Failed(
                    Code.PUBLIC_KEY_MISMATCH,
                    "The CSR's public key is not the reported public key",
                    keyPem,
                    fingerprint,
                    false);
        }
        // From here on the reporter has proven it holds the private key: the report is a use of this key.
        var algorithm = PublicKeys.algorithm(key);
        if (!policy.allows(algorithm)) {
            return new Failed(
                    Code.KEY_ALGORITHM_NOT_ALLOWED,
                    "The device key is " + algorithm + "; the plant's key policy allows only "
                            + String.join(
                                    ", ",
                                    policy.allowedAlgorithms().stream().sorted().toList()),
                    keyPem,
                    fingerprint,
                    true);
        }
        if (!names(csr.getSubject(), serial)) {
            return new Failed(
                    Code.SUBJECT_MISMATCH,
                    "The CSR's subject " + csr.getSubject() + " does not name serial " + serial
                            + " (CN or serialNumber)",
                    keyPem,
                    fingerprint,
                    true);
        }
        if (!key.equals(PublicKeys.canonical(holder.getSubjectPublicKeyInfo()))) {
            return new Failed(
                    Code.PUBLIC_KEY_MISMATCH,
                    "The certificate's public key is not the reported (and CSR's) public key",
                    keyPem,
                    fingerprint,
                    true);
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
        } catch (GeneralSecurityException e) {
            return new Failed(Code.MALFORMED, "The certificate cannot be read", keyPem, fingerprint, true);
        }
        if (!holder.isValidOn(Date.from(now))) {
            return new Failed(
                    Code.OUTSIDE_VALIDITY,
                    "The certificate is valid from " + holder.getNotBefore().toInstant() + " to "
                            + holder.getNotAfter().toInstant() + ", not now",
                    keyPem,
                    fingerprint,
                    true);
        }
        var anchor = ca.certificate();
        if (anchor.isEmpty()) {
            return new Failed(
                    Code.UNTRUSTED_ISSUER, "No plant CA certificate is configured", keyPem, fingerprint, true);
        }
        var caProblem = ca.problem(now);
        if (caProblem.isPresent()) {
            return new Failed(Code.PLANT_CA_INVALID, caProblem.get(), keyPem, fingerprint, true);
        }
        if (!chainsTo(certificate, anchor.get(), now)) {
            return new Failed(
                    Code.UNTRUSTED_ISSUER,
                    "The certificate was not issued by the plant CA "
                            + anchor.get().getSubjectX500Principal().getName(),
                    keyPem,
                    fingerprint,
                    true);
        }
        var profile = deviceProfileProblem(certificate);
        if (profile != null) {
            return new Failed(Code.NOT_A_DEVICE_CERTIFICATE, profile, keyPem, fingerprint, true);
        }
        var subject = holder.getSubject();
        if (!names(subject, serial)) {
            return new Failed(
                    Code.SUBJECT_MISMATCH,
                    "The certificate's subject " + subject + " does not name serial " + serial
                            + " (CN or serialNumber)",
                    keyPem,
                    fingerprint,
                    true);
        }
        return new Passed(
                keyPem,
                fingerprint,
                pem("CERTIFICATE", holder),
                subject.toString(),
                holder.getIssuer().toString(),
                holder.getNotAfter().toInstant());
    }

    /** Why the certificate is not a device's (CA:false, key usage digital signature without CA usages), if so. */
    private static @Nullable String deviceProfileProblem(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            return "The certificate is a CA certificate (basicConstraints CA); a device's must not be";
        }
        var usage = certificate.getKeyUsage();
        if (usage == null || usage.length == 0 || !usage[DIGITAL_SIGNATURE]) {
            return "The certificate's key usage does not include digital signature";
        }
        if ((usage.length > KEY_CERT_SIGN && usage[KEY_CERT_SIGN]) || (usage.length > CRL_SIGN && usage[CRL_SIGN])) {
            return "The certificate's key usage allows signing certificates or CRLs; a device's must not";
        }
        return null;
    }

    private static boolean csrSignatureValid(PKCS10CertificationRequest csr) {
        try {
            return csr.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(BC).build(csr.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean chainsTo(X509Certificate certificate, X509Certificate ca, Instant now) {
        try {
            // Bouncy Castle's PKIX, as the JDK's cannot read a device key encoded with a compressed EC point.
            var path = CertificateFactory.getInstance("X.509", BC).generateCertPath(List.of(certificate));
            var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX", BC).validate(path, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean names(X500Name subject, Serial serial) {
        return Arrays.stream(subject.getRDNs())
                .filter(rdn -> isNameOrSerialNumber(rdn))
                .map(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue()))
                .anyMatch(serial.value()::equals);
    }

    private static boolean isNameOrSerialNumber(RDN rdn) {
        var type = rdn.getFirst().getType();
        return type.equals(BCStyle.CN) || type.equals(BCStyle.SERIALNUMBER);
    }

    private static @Nullable Object read(String pem) {
        try (var parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Re-encodes a parsed object, so what is stored is what was understood, never the raw report. */
    private static String pem(String type, Object asn1) {
        try {
            var out = new StringWriter();
            try (var writer = new JcaPEMWriter(out)) {
                byte[] der = asn1 instanceof SubjectPublicKeyInfo key
                        ? key.getEncoded()
                        : ((X509CertificateHolder) asn1).getEncoded();
                writer.writeObject(new PemObject(type, der));
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + type, e);
        }
    }
}
