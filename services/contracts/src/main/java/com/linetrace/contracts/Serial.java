package com.linetrace.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A drone's serial: its FAA Remote ID serial as ANSI/CTA-2063-A defines it (14 CFR 89.505).
 *
 * <p>Four characters of manufacturer code, one length character ({@code 1}–{@code 9}, {@code A}=10 …
 * {@code F}=15) and the manufacturer's serial of that many characters, all from digits and capital letters
 * without {@code I} and {@code O}; 20 characters at most. LineTrace's manufacturer serials end in a check
 * character (Luhn mod 34 over every character before it), so a mistyped or misread barcode is refused at the
 * scanner rather than matched against the wrong unit. Luhn mod N catches every single-character error and
 * every swap of neighbours except {@code 0}↔{@code Z} (the smallest and largest code points).
 */
public record Serial(@JsonValue String value) implements Comparable<Serial> {

    /** Digits and capital letters without I and O, as CTA-2063-A allows. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static final int MAX_LENGTH = 20;
    private static final int MIN_LENGTH = 6;
    private static final int N = ALPHABET.length();

    public Serial {
        var problem = problemWith(value);
        if (problem != null) {
            throw new MalformedSerialException(problem);
        }
    }

    /** Reads a scanned or typed serial, or says in plain words what is wrong with it. */
    @JsonCreator
    public static Serial parse(String text) {
        return new Serial(text);
    }

    /**
     * Issues the serial for a sequence number: the manufacturer code, then the sequence in base 34, zero-padded
     * to {@code digits} characters, then the check character.
     */
    public static Serial issue(String manufacturerCode, long sequence, int digits) {
        if (manufacturerCode.length() != 4 || !inAlphabet(manufacturerCode)) {
            throw new IllegalArgumentException("A manufacturer code is four characters from " + ALPHABET);
        }
        if (digits < 1 || digits > 14) {
            throw new IllegalArgumentException("A manufacturer serial has 1 to 14 digits before its check character");
        }
        var body = new StringBuilder();
        for (long rest = sequence; rest > 0; rest /= N) {
            body.insert(0, ALPHABET.charAt((int) (rest % N)));
        }
        if (sequence < 0 || body.length() > digits) {
            throw new IllegalArgumentException("Sequence " + sequence + " does not fit in " + digits + " digits");
        }
        while (body.length() < digits) {
            body.insert(0, '0');
        }
        var withoutCheck = manufacturerCode + ALPHABET.charAt(digits + 1) + body;
        return new Serial(withoutCheck + checkCharacter(withoutCheck));
    }

    public String manufacturerCode() {
        return value.substring(0, 4);
    }

    /** Says what is wrong with a candidate serial, or null when it is a valid one. Size first, then characters, then syntax. */
    public static @Nullable String problemWith(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "The barcode is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "The barcode has " + text.length() + " characters; a serial has at most " + MAX_LENGTH;
        }
        if (text.length() < MIN_LENGTH) {
            return "The barcode has " + text.length() + " characters; a serial has at least " + MIN_LENGTH;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return "The barcode has " + describe(c) + " at position " + (i + 1)
                        + "; a serial uses only digits and capital letters other than I and O";
            }
        }
        int declared = ALPHABET.indexOf(text.charAt(4));
        if (declared < 1 || declared > 15) {
            return "The length character '" + text.charAt(4) + "' is not 1-9 or A-F";
        }
        int actual = text.length() - 5;
        if (declared != actual) {
            return "The length character says " + declared + " characters follow, but " + actual + " do";
        }
        if (!hasValidCheckCharacter(text)) {
            return "The check character does not match: the barcode was misread or mistyped";
        }
        return null;
    }

    static char checkCharacter(String withoutCheck) {
        int factor = 2;
        int sum = 0;
        for (int i = withoutCheck.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(withoutCheck.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }

    private static boolean hasValidCheckCharacter(String text) {
        int factor = 1;
        int sum = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(text.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return sum % N == 0;
    }

    private static boolean inAlphabet(String text) {
        return text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("the invisible character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    @Override
    public int compareTo(Serial other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
