package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in was refused. Never the password or PIN tried; the name as it was typed (made printable), or for a badge
 * sign-in the badge's holder (or {@code badge:<id>} for a badge nobody holds). The envelope's origin is the client's
 * address, its actor the same name.
 *
 * @param username the name typed, or the badge's holder
 * @param reason why it was refused
 * @param lockedUntil when the name or the address may try again, if this failure locked it or it was locked
 */
public record SignInFailed(
        String username, Reason reason, @Nullable Instant lockedUntil) implements AuditAction {

    /**
     * Why identity refused a sign-in; the caller is told only "wrong user name or password" (or "wrong badge or PIN")
     * or "locked".
     */
    public enum Reason {
        WRONG_PASSWORD,
        UNKNOWN_USER,
        DISABLED,
        LOCKED_OUT,
        /** A badge sign-in with a PIN that is not the badge holder's. */
        WRONG_PIN,
        /** A badge nobody holds. */
        UNKNOWN_BADGE,
        /** The badge's holder may not sign in by badge (an admin, or none of the badge roles). */
        BADGE_NOT_ALLOWED
    }

    public SignInFailed {
        Text.require("username", username, Text.ID);
        Objects.requireNonNull(reason, "reason");
    }
}
