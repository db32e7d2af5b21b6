package com.linetrace.identity;

import com.linetrace.identity.api.IdentityProblem;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a badge id and a PIN must be. A badge id is what the badge's barcode or tag carries, as a keyboard-wedge scanner
 * types it: 4 to 64 letters, digits and '-', kept in upper case (a scanner typing with caps lock on is the same badge).
 * A PIN is {@code minLength} to 12 digits, not one digit repeated, not a run up or down ({@code 123456}, {@code
 * 987654}), and not one of the demo plant's PINs (written in the README). A PIN is guessable by nature: the badge's
 * own lockout after a few failures is what protects it (DD022).
 */
final class PinRules {

    private static final Pattern BADGE = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,63}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_LENGTH = 12;

    /** The demo's PINs and the ones people choose first. */
    static final Set<String> KNOWN = Set.of("246810", "135790", "112233", "121212", "123123", "102030");

    private final int minLength;

    PinRules(int minLength) {
        this.minLength = minLength;
    }

    /** The badge id as it is kept, or null when it cannot be one (a sign-in then fails as for an unknown badge). */
    static @Nullable String normalized(@Nullable String badge) {
        if (badge == null) {
            return null;
        }
        var id = badge.strip().toUpperCase(Locale.ROOT);
        return BADGE.matcher(id).matches() ? id : null;
    }

    String badge(@Nullable String badge) {
        var id = normalized(badge);
        if (id == null) {
            throw IdentityProblem.INVALID_BADGE.exception(
                    "A badge id is 4 to 64 letters, digits or '-', starting with a letter or digit");
        }
        return id;
    }

    String pin(@Nullable String pin) {
        if (pin == null || !DIGITS.matcher(pin).matches()) {
            throw IdentityProblem.WEAK_PIN.exception("A PIN is digits only");
        }
        if (pin.length() < minLength || pin.length() > MAX_LENGTH) {
            throw IdentityProblem.WEAK_PIN.exception("A PIN has " + minLength + " to " + MAX_LENGTH + " digits");
        }
        if (pin.chars().distinct().count() == 1) {
            throw IdentityProblem.WEAK_PIN.exception("A PIN is not one digit repeated");
        }
        if (run(pin, 1) || run(pin, -1)) {
            throw IdentityProblem.WEAK_PIN.exception("A PIN is not a run of digits up or down, like 123456");
        }
        if (KNOWN.contains(pin)) {
            throw IdentityProblem.WEAK_PIN.exception(
                    "That is one of the demo plant's PINs (or a common one): choose another");
        }
        return pin;
    }

    private static boolean run(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
