package com.linetrace.contracts;

import com.linetrace.contracts.secrets.PrivateKeyDetector;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one check of free text, wherever a person or equipment sends it (a hold reason, a name, a model, a PEM) and
 * in every contract record, so that nothing a consumer would refuse is ever accepted by a producer. Size first,
 * then characters: text is refused when it is longer than its field allows, or holds a character that
 * PostgreSQL cannot store or a reader cannot see — a NUL or another control character (tab, line feed and
 * carriage return are fine), half of a UTF-16 surrogate pair, a Unicode noncharacter, or a bidirectional
 * override that makes text display other than it reads.
 */
public final class Text {

    /** Identifiers and short names: plant, line, station, actor, model, version, part number, lot, fixture. */
    public static final int ID = 100;

    /** Names and titles a person types: an operation's, a line's, a certificate subject. */
    public static final int NAME = 1_000;

    /** Reasons and messages in plain words. */
    public static final int REASON = 2_000;

    /** A PEM-encoded key, CSR or certificate. */
    public static final int PEM = 16_384;

    private Text() {}

    /** Says what is wrong with a field's text, or null when it is fine. */
    public static @Nullable String problemWith(@Nullable String text, int maxLength) {
        if (text == null) {
            return "is missing";
        }
        if (text.length() > maxLength) {
            return "has " + text.length() + " characters; at most " + maxLength + " are allowed";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (isNoncharacter(codePoint)) {
                    return "has the noncharacter " + hex(codePoint) + " at position " + (i + 1);
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "has half of a character (the lone surrogate " + hex(c) + ") at position " + (i + 1);
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return "has the control character " + hex(c) + " at position " + (i + 1);
            }
            if (isNoncharacter(c)) {
                return "has the noncharacter " + hex(c) + " at position " + (i + 1);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "has the bidirectional control " + hex(c) + " at position " + (i + 1);
            }
        }
        // The one detector, on every field of every path: a reason or a name is no place for a private key either.
        if (PrivateKeyDetector.containsPrivateKey(text)) {
            return "holds private key material, which LineTrace never accepts or stores";
        }
        return null;
    }

    /**
     * Returns the text of {@code field} if it is fine.
     *
     * @throws MalformedTextException naming the field and what is wrong
     */
    public static String require(String field, @Nullable String text, int maxLength) {
        var problem = problemWith(text, maxLength);
        if (problem != null) {
            throw new MalformedTextException(field, problem);
        }
        return text;
    }

    /** Like {@link #require} for a field that may be absent. */
    public static @Nullable String optional(String field, @Nullable String text, int maxLength) {
        return text == null ? null : require(field, text, maxLength);
    }

    /** A list of texts of at most {@code maxItems}, each checked like {@link #require}; returns an immutable copy. */
    public static List<String> requireEach(String field, @Nullable List<String> texts, int maxItems, int maxLength) {
        if (texts == null) {
            throw new MalformedTextException(field, "is missing");
        }
        if (texts.size() > maxItems) {
            throw new MalformedTextException(field, "has " + texts.size() + " items; at most " + maxItems);
        }
        for (int i = 0; i < texts.size(); i++) {
            require(field + "[" + i + "]", texts.get(i), maxLength);
        }
        return List.copyOf(texts);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
