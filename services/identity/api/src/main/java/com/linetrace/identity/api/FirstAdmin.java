package com.linetrace.identity.api;

import org.jspecify.annotations.Nullable;

/**
 * The first admin of a plant outside the demo, created with the one-time setup code the plant wrote to its data
 * directory. Neither the code nor the password appears in {@link #toString()}.
 */
public record FirstAdmin(
        @Nullable String setupCode,
        @Nullable String username,
        @Nullable String password) {

    @Override
    public String toString() {
        return "FirstAdmin[username=" + username + ", setupCode=(not shown), password=(not shown)]";
    }
}
