package com.linetrace.identity.api;

/**
 * What a person signs in with at a station terminal: the id their badge carries (a keyboard-wedge scanner types it)
 * and their PIN. The PIN never appears in {@link #toString()}, so no log line can carry it.
 */
public record BadgeSignIn(String badge, String pin) {

    public BadgeSignIn {
        if (badge == null || badge.isBlank() || badge.length() > 100) {
            throw IdentityProblem.INVALID_SIGN_IN.exception("Scan a badge (1 to 100 characters)");
        }
        if (pin == null || pin.isEmpty() || pin.length() > 100) {
            throw IdentityProblem.INVALID_SIGN_IN.exception("Type your PIN (1 to 100 characters)");
        }
    }

    @Override
    public String toString() {
        return "BadgeSignIn[badge=" + badge + ", pin=(not shown)]";
    }
}
