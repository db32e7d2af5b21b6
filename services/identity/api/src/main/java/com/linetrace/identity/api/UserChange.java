package com.linetrace.identity.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The request bodies of user administration; a password never appears in {@code toString()}. */
public final class UserChange {

    private UserChange() {}

    /** The account's roles from now on (at least one). */
    public record Roles(@Nullable List<String> roles) {}

    /** Whether the account may sign in from now on. */
    public record Enabled(boolean enabled) {}

    /** A new password, set by an admin. */
    public record Password(@Nullable String password) {

        @Override
        public String toString() {
            return "Password[(not shown)]";
        }
    }

    /** A badge for the account, and the PIN that goes with it (the plant's PIN rules apply), set by an admin. */
    public record Badge(@Nullable String badge, @Nullable String pin) {

        @Override
        public String toString() {
            return "Badge[badge=" + badge + ", pin=(not shown)]";
        }
    }

    /** The signed-in person's own new PIN, with the one they have now. */
    public record OwnPin(
            @Nullable String currentPin, @Nullable String newPin) {

        @Override
        public String toString() {
            return "OwnPin[(not shown)]";
        }
    }
}
