package com.linetrace.audit.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.BiFunction;

/** What C2SP signed-note says about key names and key ids (https://c2sp.org/signed-note). */
final class NoteKeys {

    /** The signature type of Ed25519 keys. */
    static final byte ED25519 = 0x01;

    private NoteKeys() {}

    /** A key name is non-empty and holds no space, no plus sign and no control character. */
    static String requireName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A key name must not be empty");
        }
        for (var i = 0; i < name.length(); i++) {
            var c = name.charAt(i);
            if (c <= ' ' || c == '+' || c == 0x7f) {
                throw new IllegalArgumentException("A key name holds no space, '+' or control character");
            }
        }
        return name;
    }

    /** The key id: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key), big-endian. */
    static int keyId(String name, byte[] publicKey) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            sha.update(publicKey);
            return ByteBuffer.wrap(sha.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A key as signed-note writes it, {@code <name>+<hex key id>+<base64(0x01 || key)>}, its id checked. */
    record Written(String name, int keyId, byte[] key) {}

    /**
     * Reads {@code <name>+<hex key id>+<base64(0x01 || 32-byte key)>}; {@code derive} gives the key id of a name and
     * key (of the public key, for a signer's seed), which must be the written one.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the key
     */
    static Written read(String text, String what, BiFunction<String, byte[], Integer> derive) {
        var parts = text.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A " + what + " is <name>+<key id>+<key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + what + "'s last part is not base64");
        }
        if (typed.length != Ed25519.KEY_BYTES + 1 || typed[0] != ED25519) {
            throw new IllegalArgumentException("The " + what + " is not an Ed25519 key (type 1, 32 bytes)");
        }
        var name = requireName(parts[0]);
        var key = Arrays.copyOfRange(typed, 1, typed.length);
        var keyId = derive.apply(name, key);
        if (!hex(keyId).equals(parts[1])) {
            throw new IllegalArgumentException("The " + what + "'s id does not match its name and key");
        }
        return new Written(name, keyId, key);
    }

    static String hex(int keyId) {
        return "%08x".formatted(keyId);
    }

    static byte[] typed(byte[] key) {
        var typed = new byte[key.length + 1];
        typed[0] = ED25519;
        System.arraycopy(key, 0, typed, 1, key.length);
        return typed;
    }
}
