package com.linetrace.contracts.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
 * (PKCS#8, {@code RSA}, {@code EC}, {@code DSA}, {@code ENCRYPTED}, {@code OPENSSH}), PuTTY key files, JSON Web Keys
 * with a private member ({@code "d"}, or {@code "k"} of a symmetric key), and DER — raw, base64 (standard or
 * URL-safe, wrapped or not, starting anywhere in a run of text) or hex (plain or with {@code :}/space separators) —
 * whose ASN.1 structure is a PKCS#8 PrivateKeyInfo/OneAsymmetricKey, a PKCS#8 EncryptedPrivateKeyInfo, a SEC1
 * ECPrivateKey, a PKCS#1 RSA or OpenSSL DSA private key, a PKCS#12 key store, or an OpenSSH private key. DER is
 * looked for at every offset of what was decoded, so a key glued behind other bytes is found too. JSON payloads are
 * also read value by value, so escaped text ({@code \u002D…}) is seen as what it decodes to; text found inside text
 * (base64 of a PEM block, say) is read again, twice deep.
 *
 * <p>Callers run it on the decoded fields of every path (a REST body after its charset is applied, a Kafka record
 * after it is decoded, a form's fields) as well as on raw bytes.
 *
 * <p>Recognition is structural, not cryptographic: certificates, CSRs and public keys never match. A bare private
 * scalar without any structure (32 random bytes) cannot be told from a hash and is not recognised.
 */
public final class PrivateKeyDetector {

    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----");
    private static final Pattern PEM_PKCS12 = Pattern.compile("-----BEGIN (PKCS12|PKCS #12|PFX)-----");
    private static final String PUTTY = "PuTTY-User-Key-File-";
    private static final Pattern JWK_TYPE = Pattern.compile("\"kty\"\\s*:");
    private static final Pattern JWK_PRIVATE = Pattern.compile("\"(d|k|p|q|dp|dq|qi)\"\\s*:\\s*\"");
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_BASE64 = 40;
    /** The shortest text any recognised shape fits in: a JWK with a private member, {@code {"kty":"","d":""}}. */
    private static final int SHORTEST_SHAPE = 17;

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=\\s\\\\]{" + MIN_BASE64 + ",}");
    private static final Pattern BASE64URL_RUN = Pattern.compile("[A-Za-z0-9_\\-=\\s\\\\]{" + MIN_BASE64 + ",}");
    // A character class, not a repeated group: a long run must not cost the regex engine a frame per character.
    private static final int MIN_HEX = 64;
    private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f][0-9A-Fa-f:\\s-]{" + MIN_HEX + ",}");
    private static final ASN1ObjectIdentifier PKCS5 = new ASN1ObjectIdentifier("1.2.840.113549.1.5");
    private static final ASN1ObjectIdentifier PKCS12_PBE = new ASN1ObjectIdentifier("1.2.840.113549.1.12.1");
    private static final ASN1ObjectIdentifier PKCS7 = new ASN1ObjectIdentifier("1.2.840.113549.1.7");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 2;
    /** Bounds the work on one decoded blob: DER is tried at no more offsets than this. */
    private static final int MAX_DER_OFFSETS = 4096;

    private PrivateKeyDetector() {}

    /** Whether the text holds private key material. The simple entry point for any free-text field. */
    public static boolean containsPrivateKey(@Nullable String text) {
        return find(text).isPresent();
    }

    /** Throws {@link PrivateKeyMaterialException} when the text holds private key material. */
    public static void refuseIfPresent(@Nullable String text) {
        var kind = find(text);
        if (kind.isPresent()) {
            throw new PrivateKeyMaterialException(kind.get());
        }
    }

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
        var kind = derAnywhere(payload);
        if (kind == null) {
            kind = inText(new String(payload, StandardCharsets.UTF_8), 0);
        }
        if (kind == null) {
            kind = inJsonValues(payload, 0);
        }
        return Optional.ofNullable(kind);
    }

    /** The kind of private key material in a text, if any. */
    public static Optional<String> find(@Nullable String text) {
        // Most fields (serials, station ids, part labels) are shorter than any shape a key can take: no work.
        if (text == null || text.length() < SHORTEST_SHAPE) {
            return Optional.empty();
        }
        var kind = inText(text, 0);
        if (kind == null && mayBeJson(text)) {
            kind = inJsonValues(text.getBytes(StandardCharsets.UTF_8), 0);
        }
        return Optional.ofNullable(kind);
    }

    /** Only a JSON object, array or string can hold text; parsing anything else would only throw. */
    private static boolean mayBeJson(String text) {
        var start = text.stripLeading();
        return !start.isEmpty() && (start.charAt(0) == '{' || start.charAt(0) == '[' || start.charAt(0) == '"');
    }

    private static @Nullable String inJsonValues(byte[] payload, int depth) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
        if (isPrivateJwk(root)) {
            return "JSON Web Key with a private part";
        }
        var texts = new ArrayList<String>();
        collectTexts(root, texts);
        for (var text : texts) {
            var kind = inText(text, depth);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static boolean isPrivateJwk(@Nullable JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            if (node.has("kty") && (node.has("d") || node.has("k") || node.has("p"))) {
                return true;
            }
            for (var name : node.propertyNames()) {
                if (isPrivateJwk(node.get(name))) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (var element : node) {
                if (isPrivateJwk(element)) {
                    return true;
                }
            }
        }
        return false;
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
        if (PEM_PKCS12.matcher(text).find()) {
            return "PEM PKCS#12 key store";
        }
        if (text.contains(PUTTY)) {
            return "PuTTY private key file";
        }
        if (JWK_TYPE.matcher(text).find() && JWK_PRIVATE.matcher(text).find()) {
            return "JSON Web Key with a private part";
        }
        if (depth > 0 && depth < MAX_DEPTH && text.trim().startsWith("{")) {
            var kind = inJsonValues(text.getBytes(StandardCharsets.UTF_8), depth + 1);
            if (kind != null) {
                return kind;
            }
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        var hex = HEX_RUN.matcher(text);
        while (hex.find()) {
            var kind = inHex(hex.group(), depth);
            if (kind != null) {
                return kind;
            }
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

    /** Decodes a hex run at both alignments (it may start with an odd character of other text). */
    private static @Nullable String inHex(String run, int depth) {
        var digits = run.replaceAll("[:\\s-]", "");
        if (digits.length() < MIN_HEX) {
            return null;
        }
        for (int offset = 0; offset < 2 && digits.length() - offset >= MIN_HEX; offset++) {
            var candidate = digits.substring(offset, offset + (digits.length() - offset) / 2 * 2);
            var kind = inDecoded(HexFormat.of().parseHex(candidate), depth);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Decodes a base64 run at each of the four alignments, since it may be glued to other text; whatever it decodes
     * to is searched for DER at every offset, so the key may also start after other encoded bytes.
     */
    private static @Nullable String inBase64(String run, boolean urlSafe, int depth) {
        // Padding may sit in the middle of concatenated encodings, and JSON-escaped line breaks ("\n") leave an 'n'.
        var compact = run.replace("\\n", "").replace("\\r", "").replaceAll("[\\s=\\\\]", "");
        for (int offset = 0; offset < 4 && compact.length() - offset >= MIN_BASE64; offset++) {
            var candidate = compact.substring(offset);
            if (candidate.length() % 4 == 1) {
                // Not a whole encoding: drop the stray character (the decoder accepts missing padding otherwise).
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            byte[] bytes;
            try {
                bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(candidate);
            } catch (IllegalArgumentException e) {
                continue;
            }
            var kind = inDecoded(bytes, depth);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static @Nullable String inDecoded(byte[] bytes, int depth) {
        var kind = derAnywhere(bytes);
        if (kind == null) {
            kind = inText(new String(bytes, StandardCharsets.ISO_8859_1), depth + 1);
        }
        return kind;
    }

    /** Looks for a private key's DER (or OpenSSH's binary format) at every offset where a SEQUENCE could start. */
    private static @Nullable String derAnywhere(byte[] bytes) {
        int tried = 0;
        for (int i = 0; i + 8 <= bytes.length && tried < MAX_DER_OFFSETS; i++) {
            if (bytes[i] == 0x30 && couldBeKeyDer(bytes, i)) {
                tried++;
                var kind = inDer(bytes, i);
                if (kind != null) {
                    return kind;
                }
            } else if (bytes[i] == 'o' && startsWith(bytes, i, OPENSSH_MAGIC)) {
                return "OpenSSH private key";
            }
        }
        return null;
    }

    /**
     * A cheap look before parsing: a SEQUENCE with a length that fits, whose first element is an INTEGER (every key
     * shape but one starts with its version) or a SEQUENCE (EncryptedPrivateKeyInfo). Text never passes.
     */
    private static boolean couldBeKeyDer(byte[] bytes, int offset) {
        int lengthByte = bytes[offset + 1] & 0xFF;
        int contents;
        int length;
        if (lengthByte < 0x80) {
            length = lengthByte;
            contents = offset + 2;
        } else if (lengthByte == 0x80) {
            length = -1;
            contents = offset + 2;
        } else if (lengthByte <= 0x84) {
            int octets = lengthByte & 0x7F;
            length = 0;
            for (int k = 0; k < octets; k++) {
                length = (length << 8) | (bytes[offset + 2 + k] & 0xFF);
            }
            contents = offset + 2 + octets;
        } else {
            return false;
        }
        if (contents >= bytes.length || (length >= 0 && (length < 6 || contents + length > bytes.length))) {
            return false;
        }
        return bytes[contents] == 0x02 || bytes[contents] == 0x30;
    }

    /** Recognises the ASN.1 shapes of private keys at {@code offset} of {@code der}. */
    static @Nullable String inDer(byte[] der, int offset) {
        try (var in = new ASN1InputStream(
                new java.io.ByteArrayInputStream(der, offset, der.length - offset), der.length - offset)) {
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
            if (isPkcs12(elements)) {
                return "PKCS#12 key store";
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

    /** PFX (RFC 7292): version 3, a PKCS#7 ContentInfo holding the safe contents, an optional MacData. */
    private static boolean isPkcs12(ASN1Encodable[] e) {
        return e.length >= 2
                && e.length <= 3
                && isVersion(e[0], 3, 3)
                && e[1] instanceof ASN1Sequence content
                && content.size() >= 1
                && content.getObjectAt(0) instanceof ASN1ObjectIdentifier type
                && type.on(PKCS7);
    }

    private static boolean isVersion(ASN1Encodable element, int min, int max) {
        return element instanceof ASN1Integer version
                && version.getValue().bitLength() < 8
                && version.intValueExact() >= min
                && version.intValueExact() <= max;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
