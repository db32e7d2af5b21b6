package com.linetrace.identity.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's account to create: name, first password (the plant's password rules apply) and roles. The password never
 * appears in {@link #toString()}.
 */
public record NewUser(
        @Nullable String username,
        @Nullable String password,
        @Nullable List<String> roles) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", password=(not shown), roles=" + roles + "]";
    }
}
