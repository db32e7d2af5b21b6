package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in was refused. Never the password tried; the name as it was typed (made printable). The envelope's origin
 * is the client's address, its actor the name typed.
 *
 * @param username the name typed
 * @param reason why it was refused
 * @param lockedUntil when the name or the address may try again, if this failure locked it or it was locked
 */
public record SignInFailed(
        String username, Reason reason, @Nullable Instant lockedUntil) implements AuditAction {

    /** Why identity refused a sign-in; the caller is told only "wrong user name or password" or "locked". */
    public enum Reason {
        WRONG_PASSWORD,
        UNKNOWN_USER,
        DISABLED,
        LOCKED_OUT
    }

    public SignInFailed {
        Text.require("username", username, Text.ID);
        Objects.requireNonNull(reason, "reason");
    }
}
