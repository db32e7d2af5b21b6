package com.linetrace.identity.api;

/**
 * What a person or a piece of equipment signs in with: a user name and password, or an equipment id and its secret.
 * The password never appears in {@link #toString()}, so no log line can carry it.
 */
public record SignIn(String username, String password) {

    public SignIn {
        if (username == null || username.isBlank() || username.length() > 100) {
            throw IdentityProblem.INVALID_SIGN_IN.exception(
                    "Give a user name (or equipment id) of 1 to 100 characters");
        }
        if (password == null || password.isEmpty() || password.length() > 200) {
            throw IdentityProblem.INVALID_SIGN_IN.exception("Give a password (or secret) of 1 to 200 characters");
        }
    }

    @Override
    public String toString() {
        return "SignIn[username=" + username + ", password=(not shown)]";
    }
}
