package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.secrets.PrivateKeyDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ResourceLoader;

/**
 * The Ed25519 public keys that make a release genuine. Several may be trusted at once, so a key can be
 * rotated: add the new one, sign new releases with it, remove the old one. A key is named by its id, the first
 * 16 hex characters of the SHA-256 of its SubjectPublicKeyInfo.
 */
public final class TrustedReleaseKeys {

    private final List<TrustedKey> keys;

    private TrustedReleaseKeys(List<TrustedKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static TrustedReleaseKeys of(List<PublicKey> keys) {
        return new TrustedReleaseKeys(
                keys.stream().map(k -> new TrustedKey(idOf(k), k)).toList());
    }

    /**
     * Reads the configured keys: PEM, base64 SubjectPublicKeyInfo, or a {@code file:}/{@code classpath:}
     * location of a PEM file. Refuses (without quoting it) any entry that is not an Ed25519 public key.
     */
    public static TrustedReleaseKeys fromSettings(List<String> entries, ResourceLoader resources) {
        var keys = new ArrayList<PublicKey>();
        for (int i = 0; i < entries.size(); i++) {
            var name = "linetrace.provisioning.trusted-release-keys[" + i + "]";
            var text = entries.get(i).strip();
            if (text.startsWith("file:") || text.startsWith("classpath:")) {
                try {
                    text = resources.getResource(text).getContentAsString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(
                            name + ": cannot read " + entries.get(i).strip());
                }
            }
            if (PrivateKeyDetector.find(text).isPresent()) {
                throw new IllegalStateException(name + " holds private key material: configure public keys only");
            }
            keys.add(ed25519(text, name));
        }
        return of(keys);
    }

    private static PublicKey ed25519(String text, String name) {
        var base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            var key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
                throw new IllegalStateException(name + " is not an Ed25519 public key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    name + " is not an Ed25519 public key (PEM or base64 SubjectPublicKeyInfo)");
        }
    }

    /** The id of the trusted key whose signature over the manifest this is, if any. */
    public Optional<String> signerOf(ReleaseManifest manifest, byte[] signature) {
        for (var key : keys) {
            try {
                var verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key.key());
                verifier.update(manifest.canonicalBytes());
                if (verifier.verify(signature)) {
                    return Optional.of(key.id());
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // A malformed signature does not verify against this key; try the next one.
            }
        }
        return Optional.empty();
    }

    public List<String> ids() {
        return keys.stream().map(TrustedKey::id).toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    static String idOf(PublicKey key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private record TrustedKey(String id, PublicKey key) {}
}
