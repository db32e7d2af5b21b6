package com.linetrace.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Checks signed notes against one Ed25519 key, given as a C2SP verifier key
 * {@code <name>+<hex key id>+<base64(0x01 || public key)>}.
 */
public final class NoteVerifier {

    private final String name;
    private final byte[] publicKey;
    private final PublicKey key;
    private final int keyId;

    NoteVerifier(String name, byte[] publicKey) {
        this.name = NoteKeys.requireName(name);
        this.publicKey = publicKey.clone();
        this.key = Ed25519.publicKey(publicKey);
        this.keyId = NoteKeys.keyId(name, publicKey);
    }

    /**
     * Reads a verifier key; its key id must be the one its name and key give.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static NoteVerifier parse(String text) {
        var written = NoteKeys.read(text.strip(), "verifier key", NoteKeys::keyId);
        return new NoteVerifier(written.name(), written.key());
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The verifier key, to publish. */
    public String verifierKey() {
        return name + "+" + NoteKeys.hex(keyId) + "+" + Base64.getEncoder().encodeToString(NoteKeys.typed(publicKey));
    }

    /**
     * The text of {@code note} when one of its signature lines is this key's (same name and key id) and verifies; as Go's
     * {@code note.Open}, a line of this key that does not verify refuses the note, and lines of other keys are ignored.
     *
     * @throws IllegalArgumentException when the note is malformed, not signed by this key, or its signature is wrong
     */
    public String open(String note) {
        var signed = SignedNote.parse(note);
        for (var line : signed.signatures()) {
            if (line.name().equals(name) && line.keyId() == keyId) {
                if (!Ed25519.verify(key, signed.text().getBytes(StandardCharsets.UTF_8), line.signature())) {
                    throw new IllegalArgumentException("The signature of " + name + " does not verify");
                }
                return signed.text();
            }
        }
        throw new IllegalArgumentException("The note is not signed by " + name + "+" + NoteKeys.hex(keyId));
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
