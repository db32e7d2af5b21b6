package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person or a piece of equipment signed in and was given a token: with a password (or secret), or at a station
 * terminal with their badge and PIN. Who, when and from where are the envelope's actor, occurred-at and origin (the
 * client's address).
 *
 * @param username who signed in
 * @param roles the roles the token carries
 * @param method {@link #PASSWORD} or {@link #BADGE}; an action written before badges existed reads as a password
 */
public record SignedIn(
        String username, List<String> roles, @Nullable String method) implements AuditAction {

    /** Signed in with a user name and password (or an equipment id and secret). */
    public static final String PASSWORD = "password";

    /** Signed in at a station terminal with a badge and PIN. */
    public static final String BADGE = "badge";

    public SignedIn {
        Text.require("username", username, Text.ID);
        roles = Text.requireEach("roles", roles, 20, Text.ID);
        method = method == null ? PASSWORD : method;
        if (!PASSWORD.equals(method) && !BADGE.equals(method)) {
            throw new IllegalArgumentException("method is password or badge");
        }
    }

    /** A sign-in with a password. */
    public SignedIn(String username, List<String> roles) {
        this(username, roles, PASSWORD);
    }
}
