package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.List;

/**
 * A person or a piece of equipment signed in with a password (or secret) and was given a token. Who, when and from
 * where are the envelope's actor, occurred-at and origin (the client's address).
 *
 * @param username who signed in
 * @param roles the roles the token carries
 */
public record SignedIn(String username, List<String> roles) implements AuditAction {

    public SignedIn {
        Text.require("username", username, Text.ID);
        roles = Text.requireEach("roles", roles, 20, Text.ID);
    }
}
