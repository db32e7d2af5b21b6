package com.linetrace.audit.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
