package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.Objects;

/**
 * An admin created a user account (or the first-run setup created the first admin, the actor then being that admin).
 * Never its password.
 *
 * @param username the new account
 * @param account its roles and whether it is enabled
 */
public record UserCreated(String username, UserAccount account) implements AuditAction {

    public UserCreated {
        Text.require("username", username, Text.ID);
        Objects.requireNonNull(account, "account");
    }
}
