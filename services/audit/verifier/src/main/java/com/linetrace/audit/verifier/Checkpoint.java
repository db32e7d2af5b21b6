package com.linetrace.audit.verifier;

import java.util.Base64;
import java.util.Objects;

/**
 * A log's checkpoint in the C2SP tlog-checkpoint format (https://c2sp.org/tlog-checkpoint): the text of a signed note of
 * three lines, the log's origin, the tree size in decimal, and the root hash in base64.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c < ' ')) {
            throw new IllegalArgumentException("A checkpoint's origin is one line of text");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A tree size is not negative");
        }
        if (rootHash.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("A root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: {@code <origin>\n<size>\n<base64 root>\n}. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Signs the checkpoint: the signed note an outsider keeps. */
    public String sign(NoteSigner signer) {
        return signer.sign(text());
    }

    /**
     * The checkpoint of a signed note, once {@code verifier} has checked its signature.
     *
     * @throws IllegalArgumentException when the signature does not verify or the text is not a checkpoint
     */
    public static Checkpoint open(String note, NoteVerifier verifier) {
        return parse(verifier.open(note));
    }

    /** Reads a checkpoint's note text (already verified); extension lines after the third are allowed and ignored. */
    static Checkpoint parse(String text) {
        var lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("A checkpoint has an origin, a tree size and a root hash");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("A checkpoint's tree size is a decimal number");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A checkpoint's root hash is base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && java.util.Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, java.util.Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return text().replace('\n', ' ').strip();
    }
}
