package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.Objects;

/**
 * An admin changed a user account: its roles, enabled or disabled it, or reset its password (then before and after
 * are alike: the password itself is never in an audit action, nor its hash).
 *
 * @param username the account changed
 * @param change {@code roles}, {@code enabled}, {@code disabled} or {@code password-reset}
 * @param before the account before the change
 * @param after the account after it
 */
public record UserChanged(String username, String change, UserAccount before, UserAccount after)
        implements AuditAction {

    public UserChanged {
        Text.require("username", username, Text.ID);
        Text.require("change", change, Text.ID);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
