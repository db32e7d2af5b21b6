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
}
