package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.Objects;

/**
 * A user account was removed, with why: so far only the demo plant's users, when a plant outside the demo starts on
 * a demo data directory and is told to remove them.
 *
 * @param username the account removed
 * @param account what it was
 * @param reason why, in plain words
 */
public record UserRemoved(String username, UserAccount account, String reason) implements AuditAction {

    public UserRemoved {
        Text.require("username", username, Text.ID);
        Objects.requireNonNull(account, "account");
        Text.require("reason", reason, Text.REASON);
    }
}
