package com.linetrace.contracts;

import org.jspecify.annotations.Nullable;

/**
 * The grammar of the ids a plant prints as barcodes on its lines and stations: capitals, digits and dashes, up to
 * 20, starting with a capital or a digit. Checked size first, then characters, then syntax.
 */
final class PlantIds {

    static final int MAX_LENGTH = 20;

    private PlantIds() {}

    /** Says what is wrong with {@code text} as an id of {@code what} ("station", "line"), or null when it is valid. */
    static @Nullable String problemWith(String what, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "The " + what + " id is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "The " + what + " id has " + text.length() + " characters; it has at most " + MAX_LENGTH;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return "The " + what + " id has " + describe(c) + " at position " + (i + 1)
                        + "; it uses only capitals, digits and dashes";
            }
        }
        if (text.charAt(0) == '-') {
            return "The " + what + " id starts with a dash; it starts with a capital or a digit";
        }
        return null;
    }

    static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c) || !Character.isDefined(c)) {
            return String.format("the invisible character U+%04X", (int) c);
        }
        if (Character.isLowerCase(c)) {
            return "the small letter '" + c + "'";
        }
        return Character.isSurrogate(c) ? "a character outside the basic plane" : "'" + c + "'";
    }
}
