package com.linetrace.provisioning;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Key material made at test time and never written anywhere: release signing keys, a throw-away plant CA, a
 * foreign CA, and device key pairs with their CSRs and certificates.
 */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);

    /** The release key the tests' provisioning trusts, and one it does not. */
    public static final KeyPair RELEASE_KEY = ed25519();

    public static final KeyPair UNTRUSTED_RELEASE_KEY = ed25519();

    public static final Ca PLANT_CA = new Ca("CN=LineTrace Test Plant CA,O=LineTrace");
    public static final Ca FOREIGN_CA = new Ca("CN=Someone Else's CA,O=Elsewhere");

    private TestPki() {}

    public static KeyPair ed25519() {
        return generate("Ed25519", null);
    }

    public static KeyPair p256() {
        return generate("EC", new ECGenParameterSpec("secp256r1"));
    }

    public static KeyPair rsa() {
        return generate("RSA", null);
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(KeyPair key, byte[] data) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** A PKCS#10 CSR for {@code subject}, signed with the device's private key. */
    public static String csr(KeyPair device, String subject) {
        return csr(device, subject, false);
    }

    /** A CSR whose public key is encoded with a compressed EC point when {@code compressed}. */
    public static String csr(KeyPair device, String subject, boolean compressed) {
        try {
            var request = new PKCS10CertificationRequestBuilder(
                            new X500Name(subject), spki(device.getPublic(), compressed))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(device.getPrivate()))
                            .build(device.getPrivate()));
            return pem("CERTIFICATE REQUEST", request.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key's SubjectPublicKeyInfo, an EC point compressed when {@code compressed}. */
    public static SubjectPublicKeyInfo spki(PublicKey key, boolean compressed) {
        var info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        if (!compressed) {
            return info;
        }
        try {
            var ec = (org.bouncycastle.jce.interfaces.ECPublicKey)
                    KeyFactory.getInstance("EC", new BouncyCastleProvider())
                            .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            return new SubjectPublicKeyInfo(info.getAlgorithm(), ec.getQ().getEncoded(true));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as PEM, an EC point compressed when {@code compressed}. */
    public static String pem(PublicKey key, boolean compressed) {
        try {
            return pem("PUBLIC KEY", spki(key, compressed).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
    }

    /** A plant CA of the given validity, CA flag and key usage (0: none), to see provisioning judge it. */
    public static Ca ca(String name, Instant notBefore, Duration validity, boolean ca, int keyUsage) {
        return new Ca(name, notBefore, validity, ca, keyUsage);
    }

    /** A certification authority made for the test run. */
    public static final class Ca {
        public final KeyPair key = p256();
        public final X500Name name;
        public final String certificatePem;

        Ca(String name) {
            this(name, Instant.now(), Duration.ofDays(3650), true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
        }

        Ca(String name, Instant notBefore, Duration validity, boolean ca, int keyUsage) {
            this.name = new X500Name(name);
            this.certificatePem = pem(
                    "CERTIFICATE",
                    issue(spki(key.getPublic(), false), this.name, notBefore, validity, ca, keyUsage)
                            .getEncodedSafely());
        }

        public String issue(PublicKey device, String subject) {
            return issue(device, subject, Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(365));
        }

        public String issue(PublicKey device, String subject, Instant notBefore, Duration validity) {
            return issue(spki(device, false), subject, notBefore, validity, false, KeyUsage.digitalSignature);
        }

        /** A certificate of any profile: CA or not, any key usage (0: no key usage extension). */
        public String issue(
                SubjectPublicKeyInfo device,
                String subject,
                Instant notBefore,
                Duration validity,
                boolean ca,
                int keyUsage) {
            return pem(
                    "CERTIFICATE",
                    issue(device, new X500Name(subject), notBefore, validity, ca, keyUsage)
                            .getEncodedSafely());
        }

        private Holder issue(
                SubjectPublicKeyInfo subjectKey,
                X500Name subject,
                Instant notBefore,
                Duration validity,
                boolean ca,
                int keyUsage) {
            try {
                var builder = new X509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(SERIALS.incrementAndGet()),
                        Date.from(notBefore.minus(Duration.ofMinutes(1))),
                        Date.from(notBefore.plus(validity)),
                        subject,
                        subjectKey);
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (keyUsage != 0) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                return new Holder(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Holder(X509CertificateHolder holder) {
        byte[] getEncodedSafely() {
            try {
                return holder.getEncoded();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
