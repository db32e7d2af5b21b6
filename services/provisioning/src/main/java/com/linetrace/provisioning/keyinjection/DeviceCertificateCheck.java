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
 * signature verifies with its own key (proof of possession); the reported key, the CSR's key and the
 * certificate's key are the same; the certificate is within its validity and chains to the plant CA (PKIX,
 * without revocation checking); its subject's CN or serialNumber is the unit's serial.
 */
public final class DeviceCertificateCheck {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private DeviceCertificateCheck() {}

    /** What the checks found; {@code publicKeyPem} and {@code fingerprint} are set whenever the public key parsed. */
    public sealed interface Result {
        @Nullable
        String fingerprint();
    }

    public record Passed(
            String publicKeyPem,
            String fingerprint,
            String certificatePem,
            String subject,
            String issuer,
            Instant notAfter)
            implements Result {}

    public record Failed(
            Code code,
            String reason,
            @Nullable String publicKeyPem,
            @Nullable String fingerprint) implements Result {}

    /** Reads the reported public key alone: enough to recognise the key on another unit. */
    public static @Nullable SubjectPublicKeyInfo publicKey(String pem) {
        return read(pem) instanceof SubjectPublicKeyInfo key ? key : null;
    }

    public static String fingerprint(SubjectPublicKeyInfo key) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .hex();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot fingerprint a public key", e);
        }
    }

    public static Result check(Serial serial, KeyInjectionReported report, PlantCa ca, Instant now) {
        var key = publicKey(report.publicKeyPem());
        if (key == null) {
            return new Failed(
                    Code.MALFORMED, "The public key is not a PEM public key (SubjectPublicKeyInfo)", null, null);
        }
        var keyPem = pem("PUBLIC KEY", key);
        var fingerprint = fingerprint(key);
        if (!(read(report.csrPem()) instanceof PKCS10CertificationRequest csr)) {
            return new Failed(
                    Code.MALFORMED, "The CSR is not a PEM PKCS#10 certification request", keyPem, fingerprint);
        }
        if (!(read(report.certificatePem()) instanceof X509CertificateHolder holder)) {
            return new Failed(Code.MALFORMED, "The certificate is not a PEM X.509 certificate", keyPem, fingerprint);
        }
        if (!csrSignatureValid(csr)) {
            return new Failed(
                    Code.CSR_SIGNATURE_INVALID,
                    "The CSR's signature does not verify with its public key: no proof the device holds the private key",
                    keyPem,
                    fingerprint);
        }
        if (!csr.getSubjectPublicKeyInfo().equals(key)) {
            return new Failed(
                    Code.PUBLIC_KEY_MISMATCH,
                    "The CSR's public key is not the reported public key",
                    keyPem,
                    fingerprint);
        }
        if (!holder.getSubjectPublicKeyInfo().equals(key)) {
            return new Failed(
                    Code.PUBLIC_KEY_MISMATCH,
                    "The certificate's public key is not the reported (and CSR's) public key",
                    keyPem,
                    fingerprint);
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
        } catch (GeneralSecurityException e) {
            return new Failed(Code.MALFORMED, "The certificate cannot be read", keyPem, fingerprint);
        }
        if (!holder.isValidOn(Date.from(now))) {
            return new Failed(
                    Code.OUTSIDE_VALIDITY,
                    "The certificate is valid from " + holder.getNotBefore().toInstant() + " to "
                            + holder.getNotAfter().toInstant() + ", not now",
                    keyPem,
                    fingerprint);
        }
        var anchor = ca.certificate();
        if (anchor.isEmpty()) {
            return new Failed(Code.UNTRUSTED_ISSUER, "No plant CA certificate is configured", keyPem, fingerprint);
        }
        if (!chainsTo(certificate, anchor.get(), now)) {
            return new Failed(
                    Code.UNTRUSTED_ISSUER,
                    "The certificate was not issued by the plant CA "
                            + anchor.get().getSubjectX500Principal().getName() + " (or is outside the CA's validity)",
                    keyPem,
                    fingerprint);
        }
        var subject = holder.getSubject();
        if (!names(subject, serial)) {
            return new Failed(
                    Code.SUBJECT_MISMATCH,
                    "The certificate's subject " + subject + " does not name serial " + serial
                            + " (CN or serialNumber)",
                    keyPem,
                    fingerprint);
        }
        return new Passed(
                keyPem,
                fingerprint,
                pem("CERTIFICATE", holder),
                subject.toString(),
                holder.getIssuer().toString(),
                holder.getNotAfter().toInstant());
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
            var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
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
