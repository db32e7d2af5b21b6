package com.linetrace.identity.api;

import com.linetrace.contracts.problem.ProblemType;

/** Every way identity's sign-in refuses, with its stable problem code and HTTP status. */
public enum IdentityProblem implements ProblemType {
    /** The request lacks a user name or a password, or one is too long. */
    INVALID_SIGN_IN("invalid-sign-in", 400),
    /** Unknown name, wrong password or disabled user: one answer for the three, so it tells an attacker nothing. */
    INVALID_CREDENTIALS("invalid-credentials", 401),
    /** The caller has no valid token to renew, or its holder is no longer enabled, or the session is too old. */
    TOKEN_NOT_RENEWABLE("token-not-renewable", 401),
    /** Too many failed sign-ins for this name in a short time: wait, then try again. */
    TOO_MANY_SIGN_INS("too-many-sign-ins", 429),
    /** A user name that is not one (2 to 64 lower-case letters, digits, '.', '_', '-'), or roles that are not. */
    INVALID_USER("invalid-user", 400),
    /** A password the plant's rules refuse: too short, the user name, or a known demo password. */
    WEAK_PASSWORD("weak-password", 400),
    /** No person of that name (equipment is configured, not managed here). */
    UNKNOWN_USER("unknown-user", 404),
    /** A user of that name exists already. */
    USER_EXISTS("user-exists", 409),
    /** The change would leave the plant without an enabled admin. */
    LAST_ADMIN("last-admin", 409),
    /** First-run setup is over (an admin exists) or was never opened here. */
    SETUP_CLOSED("setup-closed", 409),
    /** The one-time setup code is not the one the plant wrote to its data directory. */
    INVALID_SETUP_CODE("invalid-setup-code", 403),
    /**
     * A badge id that is not one (4 to 64 letters, digits or '-'), or a person who may not have a badge (an admin, or
     * none of the roles that sign in by badge).
     */
    INVALID_BADGE("invalid-badge", 400),
    /** A PIN the plant's rules refuse: too short or long, not all digits, one digit repeated, a run, a demo PIN. */
    WEAK_PIN("weak-pin", 400),
    /** Another person holds that badge. */
    BADGE_TAKEN("badge-taken", 409),
    /** The current PIN given to change one's own is not the person's (or they have no badge). */
    PIN_REFUSED("pin-refused", 403);

    private final String code;
    private final int status;

    IdentityProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
