package com.linetrace.simulator;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The demo plant's stand-ins for what a real plant keeps in an HSM and in its release tooling: an Ed25519 release
 * signing key and a throw-away P-256 plant CA, made at start and held in memory only. The demo has neither an HSM
 * nor a release pipeline, yet provisioning must see genuinely signed releases and CA-issued device certificates;
 * only the public halves ({@link #releasePublicKeyPem()}, {@link #caCertificatePem()}) leave this object, and a
 * restart makes new ones. Never write the private keys anywhere.
 */
public final class DemoProvisioningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final X500Name CA_NAME = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, "LineTrace Demo Plant CA (throw-away)")
            .addRDN(BCStyle.O, "LineTrace demo")
            .build();

    private final KeyPair releaseKey;
    private final KeyPair caKey;
    private final String caCertificatePem;

    private DemoProvisioningKeys(KeyPair releaseKey, KeyPair caKey) {
        this.releaseKey = releaseKey;
        this.caKey = caKey;
        this.caCertificatePem =
                pem("CERTIFICATE", certificate(caKey.getPublic(), CA_NAME, Instant.now(), Duration.ofDays(3650), true));
    }

    /** Makes a fresh release key and plant CA. */
    public static DemoProvisioningKeys generate() {
        return new DemoProvisioningKeys(keyPair("Ed25519"), p256());
    }

    /** A fresh P-256 device key pair, as a secure element would make it. */
    public static KeyPair deviceKeyPair() {
        return p256();
    }

    /** The release key's public half, PEM SubjectPublicKeyInfo: what provisioning trusts. */
    public String releasePublicKeyPem() {
        return pem("PUBLIC KEY", releaseKey.getPublic().getEncoded());
    }

    public String caCertificatePem() {
        return caCertificatePem;
    }

    /** The base64 Ed25519 signature over a release manifest's canonical bytes. */
    public String signRelease(byte[] canonicalManifest) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(releaseKey.getPrivate());
            signer.update(canonicalManifest);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * What a key station reports for a device: its public key, a CSR signed with the device's private key (proof
     * of possession) and the certificate this CA issues for it, all with the serial as subject CN.
     */
    public DeviceIdentity identity(String serial, KeyPair device) {
        var subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, serial)
                .addRDN(BCStyle.O, "LineTrace demo")
                .build();
        try {
            var csr = new JcaPKCS10CertificationRequestBuilder(subject, device.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(device.getPrivate()));
            return new DeviceIdentity(
                    pem("PUBLIC KEY", device.getPublic().getEncoded()),
                    pem("CERTIFICATE REQUEST", csr.getEncoded()),
                    pem(
                            "CERTIFICATE",
                            certificate(
                                    device.getPublic(),
                                    subject,
                                    Instant.now().minus(Duration.ofMinutes(5)),
                                    Duration.ofDays(3650),
                                    false)));
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot make a device CSR", e);
        }
    }

    /** The public material of one device identity, PEM. */
    public record DeviceIdentity(String publicKeyPem, String csrPem, String certificatePem) {}

    private byte[] certificate(
            PublicKey subjectKey, X500Name subject, Instant notBefore, Duration validity, boolean ca) {
        try {
            var builder = new JcaX509v3CertificateBuilder(
                    CA_NAME,
                    new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore.minus(Duration.ofMinutes(1))),
                    Date.from(notBefore.plus(validity)),
                    subject,
                    subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot issue a certificate", e);
        }
    }

    private static KeyPair p256() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is missing from this JDK", e);
        }
    }

    private static KeyPair keyPair(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    private static String pem(String type, byte[] der) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Names the keys by what they are, never by their bytes. */
    @Override
    public String toString() {
        return "DemoProvisioningKeys[" + CA_NAME + "]";
    }
}
