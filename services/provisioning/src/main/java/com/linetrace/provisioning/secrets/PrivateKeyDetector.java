package com.linetrace.provisioning.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds private key material in a payload, whatever shape it arrives in: PEM blocks of any private key label
 * (PKCS#8, {@code RSA}, {@code EC}, {@code DSA}, {@code ENCRYPTED}, {@code OPENSSH}), PuTTY key files, and
 * base64 (standard or URL-safe, wrapped or not) or raw DER whose ASN.1 structure is a PKCS#8
 * PrivateKeyInfo/OneAsymmetricKey, a PKCS#8 EncryptedPrivateKeyInfo, a SEC1 ECPrivateKey, a PKCS#1 RSA or
 * OpenSSL DSA private key, or an OpenSSH private key. JSON payloads are also read value by value, so escaped
 * text ({@code \u002D…}) is seen as what it decodes to.
 *
 * <p>Recognition is structural, not cryptographic: certificates, CSRs and public keys never match. A bare
 * private scalar without any structure (32 random bytes) cannot be told from a hash and is not recognised.
 */
public final class PrivateKeyDetector {

    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----");
    private static final String PUTTY = "PuTTY-User-Key-File-";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_BASE64 = 40;
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=\\s]{" + MIN_BASE64 + ",}");
    private static final Pattern BASE64URL_RUN = Pattern.compile("[A-Za-z0-9_\\-=\\s]{" + MIN_BASE64 + ",}");
    private static final ASN1ObjectIdentifier PKCS5 = new ASN1ObjectIdentifier("1.2.840.113549.1.5");
    private static final ASN1ObjectIdentifier PKCS12_PBE = new ASN1ObjectIdentifier("1.2.840.113549.1.12.1");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 2;

    private PrivateKeyDetector() {}

    /** Throws {@link PrivateKeyMaterialException} when the payload holds private key material. */
    public static void refuseIfPresent(byte @Nullable [] payload) {
        var kind = find(payload);
        if (kind.isPresent()) {
            throw new PrivateKeyMaterialException(kind.get());
        }
    }

    /** The kind of private key material in a payload (bytes of text, JSON or DER), if any. */
    public static Optional<String> find(byte @Nullable [] payload) {
        if (payload == null || payload.length == 0) {
            return Optional.empty();
        }
        var kind = inDer(payload);
        if (kind == null) {
            kind = inText(new String(payload, StandardCharsets.UTF_8), 0);
        }
        if (kind == null) {
            kind = inJsonValues(payload);
        }
        return Optional.ofNullable(kind);
    }

    /** The kind of private key material in a text, if any. */
    public static Optional<String> find(@Nullable String text) {
        return text == null ? Optional.empty() : find(text.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String inJsonValues(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
        var texts = new ArrayList<String>();
        collectTexts(root, texts);
        for (var text : texts) {
            var kind = inText(text, 0);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static void collectTexts(@Nullable JsonNode node, List<String> texts) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            texts.add(node.asString());
        } else if (node.isObject()) {
            for (var name : node.propertyNames()) {
                texts.add(name);
                collectTexts(node.get(name), texts);
            }
        } else if (node.isArray()) {
            for (var element : node) {
                collectTexts(element, texts);
            }
        }
    }

    private static @Nullable String inText(String text, int depth) {
        var pem = PEM_PRIVATE_KEY.matcher(text);
        if (pem.find()) {
            return "PEM " + pem.group(1) + "PRIVATE KEY block";
        }
        if (text.contains(PUTTY)) {
            return "PuTTY private key file";
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        for (var run : List.of(BASE64_RUN, BASE64URL_RUN)) {
            var matcher = run.matcher(text);
            while (matcher.find()) {
                var kind = inBase64(matcher.group(), run == BASE64URL_RUN, depth);
                if (kind != null) {
                    return kind;
                }
            }
        }
        return null;
    }

    /** Decodes a base64 run at each of the four alignments, since it may be glued to other text. */
    private static @Nullable String inBase64(String run, boolean urlSafe, int depth) {
        var compact = run.replaceAll("[\\s=]", "");
        for (int offset = 0; offset < 4 && compact.length() - offset >= MIN_BASE64; offset++) {
            var candidate = compact.substring(offset);
            if (candidate.length() % 4 == 1) {
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            byte[] bytes;
            try {
                bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(candidate);
            } catch (IllegalArgumentException e) {
                continue;
            }
            var kind = inDer(bytes);
            if (kind == null) {
                kind = inText(new String(bytes, StandardCharsets.ISO_8859_1), depth + 1);
            }
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /** Recognises the ASN.1 shapes of private keys (and OpenSSH's binary format) at the start of {@code der}. */
    static @Nullable String inDer(byte[] der) {
        if (startsWith(der, OPENSSH_MAGIC)) {
            return "OpenSSH private key";
        }
        if (der.length < 8 || der[0] != 0x30) {
            return null;
        }
        try (var in = new ASN1InputStream(der)) {
            if (!(in.readObject() instanceof ASN1Sequence sequence)) {
                return null;
            }
            var elements = sequence.toArray();
            if (isPkcs8(elements)) {
                return "PKCS#8 private key";
            }
            if (isEncryptedPkcs8(elements)) {
                return "encrypted PKCS#8 private key";
            }
            if (isSec1(elements)) {
                return "SEC1 EC private key";
            }
            if (isRsaOrDsa(elements)) {
                return "PKCS#1 RSA or DSA private key";
            }
            return null;
        } catch (Exception notDer) {
            return null;
        }
    }

    /** PrivateKeyInfo / OneAsymmetricKey: version 0 or 1, AlgorithmIdentifier, OCTET STRING key, optional rest. */
    private static boolean isPkcs8(ASN1Encodable[] e) {
        return e.length >= 3
                && e.length <= 5
                && isVersion(e[0], 0, 1)
                && e[1] instanceof ASN1Sequence algorithm
                && algorithm.size() >= 1
                && algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier
                && e[2] instanceof ASN1OctetString;
    }

    /** EncryptedPrivateKeyInfo: a password-based encryption AlgorithmIdentifier and the encrypted OCTET STRING. */
    private static boolean isEncryptedPkcs8(ASN1Encodable[] e) {
        return e.length == 2
                && e[0] instanceof ASN1Sequence algorithm
                && algorithm.size() >= 1
                && algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier oid
                && (oid.on(PKCS5) || oid.on(PKCS12_PBE))
                && e[1] instanceof ASN1OctetString;
    }

    /** ECPrivateKey (RFC 5915): version 1, the private key OCTET STRING, optional [0] parameters and [1] public key. */
    private static boolean isSec1(ASN1Encodable[] e) {
        if (e.length < 2 || e.length > 4 || !isVersion(e[0], 1, 1) || !(e[1] instanceof ASN1OctetString)) {
            return false;
        }
        for (int i = 2; i < e.length; i++) {
            if (!(e[i] instanceof ASN1TaggedObject)) {
                return false;
            }
        }
        return true;
    }

    /** RSAPrivateKey (9+ INTEGERs) or OpenSSL's DSA private key (6 INTEGERs), both starting with version 0 or 1. */
    private static boolean isRsaOrDsa(ASN1Encodable[] e) {
        if (e.length < 6 || !isVersion(e[0], 0, 1)) {
            return false;
        }
        for (var element : e) {
            if (!(element instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVersion(ASN1Encodable element, int min, int max) {
        return element instanceof ASN1Integer version
                && version.getValue().bitLength() < 8
                && version.intValueExact() >= min
                && version.intValueExact() <= max;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
