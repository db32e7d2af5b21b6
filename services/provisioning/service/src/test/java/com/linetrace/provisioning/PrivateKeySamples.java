package com.linetrace.provisioning;

import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;

/**
 * Private keys in every shape a careless station might send, made at test time. Each sample knows a fragment
 * of its secret (from the middle of the key's base64) that must never be found anywhere afterwards.
 */
public record PrivateKeySamples(String name, String text, String secretFragment) {

    public static Map<String, PrivateKeySamples> all() {
        var samples = new LinkedHashMap<String, PrivateKeySamples>();
        var ec = TestPki.p256();
        var rsa = TestPki.rsa();
        var ed = TestPki.ed25519();
        add(
                samples,
                "PKCS#8 PEM (EC)",
                TestPki.pem("PRIVATE KEY", ec.getPrivate().getEncoded()),
                ec.getPrivate().getEncoded());
        add(
                samples,
                "PKCS#8 PEM (Ed25519)",
                TestPki.pem("PRIVATE KEY", ed.getPrivate().getEncoded()),
                ed.getPrivate().getEncoded());
        add(
                samples,
                "RSA PRIVATE KEY PEM (PKCS#1)",
                traditional(rsa),
                rsa.getPrivate().getEncoded());
        add(samples, "EC PRIVATE KEY PEM (SEC1)", traditional(ec), sec1(ec));
        add(samples, "ENCRYPTED PRIVATE KEY PEM", encryptedPem(ec), null);
        add(samples, "OPENSSH PRIVATE KEY", TestPki.pem("OPENSSH PRIVATE KEY", openSsh(ed)), openSsh(ed));
        var bare = TestPki.p256();
        add(
                samples,
                "bare base64 PKCS#8",
                Base64.getEncoder().encodeToString(bare.getPrivate().getEncoded()),
                bare.getPrivate().getEncoded());
        var url = TestPki.p256();
        add(samples, "base64url SEC1", Base64.getUrlEncoder().withoutPadding().encodeToString(sec1(url)), sec1(url));
        return samples;
    }

    private static void add(Map<String, PrivateKeySamples> samples, String name, String text, byte[] der) {
        var base64 = der == null ? bodyOf(text) : Base64.getEncoder().encodeToString(der);
        var middle = base64.length() / 2;
        var fragment = base64.substring(middle - 12, middle + 12);
        if (!text.replaceAll("\\s", "").contains(fragment)) {
            // The text encodes the key differently (PKCS#1, SEC1, base64url): take the fragment from the text itself.
            var body = bodyOf(text);
            fragment = body.substring(body.length() / 2 - 12, body.length() / 2 + 12);
        }
        samples.put(name, new PrivateKeySamples(name, text, fragment));
    }

    private static String bodyOf(String text) {
        return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    public static byte[] sec1(KeyPair key) {
        try {
            return PrivateKeyInfo.getInstance(key.getPrivate().getEncoded())
                    .parsePrivateKey()
                    .toASN1Primitive()
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenSSL's traditional PEM: RSA PRIVATE KEY or EC PRIVATE KEY. */
    private static String traditional(KeyPair key) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(key.getPrivate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String encryptedPem(KeyPair key) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .setPassword("correct horse".toCharArray())
                    .build();
            var out = new StringWriter();
            try (var writer = new JcaPEMWriter(out)) {
                writer.writeObject(new JcaPKCS8Generator(key.getPrivate(), encryptor).generate());
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] encryptedDer(KeyPair key) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .setPassword("correct horse".toCharArray())
                    .build();
            return new JcaPKCS8Generator(key.getPrivate(), encryptor).generate().getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] openSsh(KeyPair key) {
        try {
            return OpenSSHPrivateKeyUtil.encodePrivateKey(
                    PrivateKeyFactory.createKey(key.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
