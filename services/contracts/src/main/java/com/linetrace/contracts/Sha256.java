package com.linetrace.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;
import java.util.Locale;

/** A SHA-256 digest as 64 lower-case hexadecimal characters: how firmware images and keys are named. */
public record Sha256(@JsonValue String hex) {

    public Sha256 {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("A SHA-256 is 64 hexadecimal characters");
        }
        hex = hex.toLowerCase(Locale.ROOT);
        if (!hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("A SHA-256 has only the characters 0-9 and a-f");
        }
    }

    /** Reads a digest written in hexadecimal (either case), or says what is wrong with it. */
    @JsonCreator
    public static Sha256 parse(String hex) {
        return new Sha256(hex);
    }

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("A SHA-256 digest has 32 bytes");
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
