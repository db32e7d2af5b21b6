package com.linetrace.audit.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

/**
 * Signs notes with an Ed25519 key as C2SP signed-note defines it. The key is written as Go's
 * {@code golang.org/x/mod/sumdb/note} writes it: {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>}.
 * {@link #toString()} never shows it.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final KeyPair keys;
    private final int keyId;

    private NoteSigner(String name, byte[] seed) {
        this.name = NoteKeys.requireName(name);
        this.seed = seed.clone();
        this.keys = Ed25519.fromSeed(seed);
        this.keyId = NoteKeys.keyId(name, Ed25519.rawPublicKey(keys.getPublic()));
    }

    /** A new key of this name, from the system's secure random source. */
    public static NoteSigner generate(String name) {
        return new NoteSigner(name, Ed25519.newSeed());
    }

    /**
     * Reads a signer key {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>}; the key id must be the key's.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the key
     */
    public static NoteSigner parse(String text) {
        var key = text.strip();
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A signer key starts with PRIVATE+KEY+");
        }
        var written = NoteKeys.read(
                key.substring(PREFIX.length()),
                "signer key",
                (name, seed) -> NoteKeys.keyId(
                        name, Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic())));
        return new NoteSigner(written.name(), written.key());
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The key in Go's signer key format, to keep in a secret; never log it. */
    public String signerKey() {
        return PREFIX + name + "+" + NoteKeys.hex(keyId) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.typed(seed));
    }

    /** The public half, as the verifier key {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
    public NoteVerifier verifier() {
        return new NoteVerifier(name, Ed25519.rawPublicKey(keys.getPublic()));
    }

    /**
     * The signed note of {@code text}: the text (which must end in a newline and hold no blank line), a blank line, and
     * the signature line {@code — <name> <base64(key id || signature)>}.
     */
    public String sign(String text) {
        SignedNote.requireText(text);
        var signature = Ed25519.sign(keys, text.getBytes(StandardCharsets.UTF_8));
        var blob = ByteBuffer.allocate(4 + signature.length)
                .putInt(keyId)
                .put(signature)
                .array();
        return text + "\n" + SignedNote.DASH + " " + name + " "
                + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name + "+" + NoteKeys.hex(keyId) + "]";
    }
}
