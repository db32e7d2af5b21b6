package com.linetrace.provisioning.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.provisioning.PrivateKeySamples;
import com.linetrace.provisioning.TestPki;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus generated at test time: private keys of each algorithm, in each structure (PKCS#8, SEC1, PKCS#1, encrypted
 * PKCS#8, PKCS#12, JWK), in each encoding a careless or hostile station could send (raw DER, PEM, base64 standard,
 * wrapped and URL-safe, glued behind text of every length, behind other bytes, hex plain and separated, nested in
 * JSON, base64 of PEM). Every one is found; the public material in the same encodings never is.
 */
class PrivateKeyEncodingsCorpusTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsEveryPrivateKeyInEveryEncoding() {
        var misses = new ArrayList<String>();
        privateStructures()
                .forEach((structure, der) -> encodings(der).forEach((encoding, text) -> {
                    if (PrivateKeyDetector.find(text).isEmpty()) {
                        misses.add(structure + " as " + encoding);
                    }
                }));
        privateStructures().forEach((structure, der) -> {
            if (PrivateKeyDetector.find(der).isEmpty()) {
                misses.add(structure + " as raw bytes");
            }
        });
        jwks(true)
                .forEach((name, jwk) -> jsonForms(jwk).forEach((form, text) -> {
                    if (!PrivateKeyDetector.containsPrivateKey(text)) {
                        misses.add(name + " as " + form);
                    }
                }));
        assertThat(misses).isEmpty();
    }

    @Test
    void leavesPublicMaterialAloneInEveryEncoding() {
        var falseAlarms = new ArrayList<String>();
        publicStructures()
                .forEach((structure, der) -> encodings(der).forEach((encoding, text) -> {
                    var found = PrivateKeyDetector.find(text);
                    if (found.isPresent()) {
                        falseAlarms.add(structure + " as " + encoding + ": " + found.get());
                    }
                }));
        jwks(false)
                .forEach((name, jwk) -> jsonForms(jwk).forEach((form, text) -> {
                    if (PrivateKeyDetector.containsPrivateKey(text)) {
                        falseAlarms.add(name + " as " + form);
                    }
                }));
        assertThat(falseAlarms).isEmpty();
    }

    @Test
    void findsTheSamplesThatTheOtherTestsSendThroughEveryPath() {
        PrivateKeySamples.all()
                .forEach((name, sample) -> assertThat(PrivateKeyDetector.containsPrivateKey(sample.text()))
                        .as(name)
                        .isTrue());
    }

    private static Map<String, byte[]> privateStructures() {
        var structures = new LinkedHashMap<String, byte[]>();
        var ec = TestPki.p256();
        var rsa = TestPki.rsa();
        var ed = TestPki.ed25519();
        structures.put("PKCS#8 EC", ec.getPrivate().getEncoded());
        structures.put("PKCS#8 RSA", rsa.getPrivate().getEncoded());
        structures.put("PKCS#8 Ed25519", ed.getPrivate().getEncoded());
        structures.put("SEC1 EC", PrivateKeySamples.sec1(ec));
        structures.put("PKCS#1 RSA", pkcs1(rsa));
        structures.put("encrypted PKCS#8", PrivateKeySamples.encryptedDer(ec));
        structures.put("PKCS#12 EC", pkcs12(ec));
        structures.put("PKCS#12 RSA", pkcs12(rsa));
        return structures;
    }

    private static Map<String, byte[]> publicStructures() {
        var structures = new LinkedHashMap<String, byte[]>();
        for (var key : List.of(TestPki.p256(), TestPki.rsa(), TestPki.ed25519())) {
            var name = key.getPublic().getAlgorithm();
            structures.put("public key " + name, key.getPublic().getEncoded());
            structures.put("CSR " + name, der(TestPki.csr(key, "CN=LTRCA000000001X")));
            structures.put("certificate " + name, der(TestPki.PLANT_CA.issue(key.getPublic(), "CN=LTRCA000000001X")));
        }
        structures.put("plant CA certificate", der(TestPki.PLANT_CA.certificatePem));
        structures.put(
                "SHA-256", HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        return structures;
    }

    /** One DER structure in every encoding, each as the text a field would carry. */
    private static Map<String, String> encodings(byte[] der) {
        var forms = new LinkedHashMap<String, String>();
        var base64 = Base64.getEncoder().encodeToString(der);
        forms.put("base64", base64);
        forms.put("MIME base64", Base64.getMimeEncoder().encodeToString(der));
        forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(der));
        forms.put("PEM", TestPki.pem("PRIVATE KEY", der).replace("PRIVATE KEY", "DATA"));
        for (int n = 1; n <= 7; n++) {
            var prefix = "keyMATERIAL".substring(0, n);
            forms.put("base64 behind " + n + " letters", prefix + base64);
            forms.put("base64 behind " + n + " letters and a space", prefix + " " + base64);
            forms.put(
                    "base64url behind " + n + " letters",
                    prefix + Base64.getUrlEncoder().encodeToString(der));
        }
        for (int n = 1; n <= 5; n++) {
            var junk = new byte[n];
            ThreadLocalRandom.current().nextBytes(junk);
            forms.put(
                    "base64 of " + n + " other bytes then the DER",
                    Base64.getEncoder().encodeToString(concat(junk, der)));
            forms.put(
                    "hex of " + n + " other bytes then the DER", HexFormat.of().formatHex(concat(junk, der)));
        }
        var hex = HexFormat.of().formatHex(der);
        forms.put("hex", hex);
        forms.put("upper-case hex", hex.toUpperCase());
        forms.put("colon-separated hex", HexFormat.ofDelimiter(":").formatHex(der));
        forms.put("space-separated hex", HexFormat.ofDelimiter(" ").formatHex(der));
        forms.put("hex behind 0x", "0x" + hex);
        forms.put("hex behind one letter", "f" + hex);
        forms.put("JSON field", JSON.writeValueAsString(Map.of("publicKeyPem", "key=" + base64)));
        forms.put("JSON field, escaped", "{\"k\":\"" + base64.replace("A", "\\u0041") + "\"}");
        forms.put("base64 of base64", Base64.getEncoder().encodeToString(base64.getBytes(StandardCharsets.US_ASCII)));
        forms.put("base64 of hex", Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII)));
        return forms;
    }

    private static Map<String, Object> jwks(boolean withPrivatePart) {
        var jwks = new LinkedHashMap<String, Object>();
        var ec = TestPki.p256();
        var point = ((ECPublicKey) ec.getPublic()).getW();
        var jwkEc = new LinkedHashMap<String, Object>();
        jwkEc.put("kty", "EC");
        jwkEc.put("crv", "P-256");
        jwkEc.put("x", b64url(point.getAffineX()));
        jwkEc.put("y", b64url(point.getAffineY()));
        if (withPrivatePart) {
            jwkEc.put("d", b64url(((ECPrivateKey) ec.getPrivate()).getS()));
        }
        jwks.put("EC JWK", jwkEc);
        var rsa = (RSAPrivateCrtKey) TestPki.rsa().getPrivate();
        var jwkRsa = new LinkedHashMap<String, Object>();
        jwkRsa.put("kty", "RSA");
        jwkRsa.put("n", b64url(rsa.getModulus()));
        jwkRsa.put("e", b64url(rsa.getPublicExponent()));
        if (withPrivatePart) {
            jwkRsa.put("d", b64url(rsa.getPrivateExponent()));
            jwkRsa.put("p", b64url(rsa.getPrimeP()));
            jwkRsa.put("q", b64url(rsa.getPrimeQ()));
        }
        jwks.put("RSA JWK", jwkRsa);
        jwks.put("JWK set", Map.of("keys", List.of(jwkEc)));
        return jwks;
    }

    private static Map<String, String> jsonForms(Object jwk) {
        var text = JSON.writeValueAsString(jwk);
        var forms = new LinkedHashMap<String, String>();
        forms.put("JSON", text);
        forms.put("JSON with spaces", text.replace(":", " : ").replace(",", " , "));
        forms.put("JSON inside a string field", JSON.writeValueAsString(Map.of("publicKeyPem", text)));
        forms.put("base64 of the JSON", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        forms.put(
                "base64url of the JSON",
                Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    private static String b64url(BigInteger value) {
        var bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] pkcs1(KeyPair rsa) {
        try {
            return PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded())
                    .parsePrivateKey()
                    .toASN1Primitive()
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pkcs12(KeyPair key) {
        try {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(TestPki.PLANT_CA
                            .issue(key.getPublic(), "CN=LTRCA000000001X")
                            .getBytes(StandardCharsets.US_ASCII)));
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", key.getPrivate(), "secret".toCharArray(), new X509Certificate[] {certificate});
            var out = new ByteArrayOutputStream();
            store.store(out, "secret".toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
