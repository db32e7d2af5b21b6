package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.identity.api.IdentityProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a person's name and password must be. A password: at least {@code minLength} characters (200 at most), not the
 * user name nor containing it, and not one of the demo plant's well-known passwords (each demo user's is their name,
 * written in the README). Length over composition rules, as NIST SP 800-63B advises.
 */
final class PasswordRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MAX_LENGTH = 200;

    /** The demo's passwords and the defaults people try first. */
    static final Set<String> KNOWN = known();

    private final int minLength;

    PasswordRules(int minLength) {
        this.minLength = Math.max(8, minLength);
    }

    private static Set<String> known() {
        var known = new HashSet<String>();
        Roles.ALL.forEach(role -> known.add(role.toLowerCase(Locale.ROOT)));
        known.addAll(List.of("fix-fw-1", "key-1", "linetrace", "password", "changeme", "letmein", "123456789012"));
        return Set.copyOf(known);
    }

    String username(@Nullable String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw IdentityProblem.INVALID_USER.exception(
                    "A user name is 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or"
                            + " digit");
        }
        return username;
    }

    List<String> roles(@Nullable List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw IdentityProblem.INVALID_USER.exception("Give at least one role: " + String.join(", ", Roles.ALL));
        }
        for (var role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw IdentityProblem.INVALID_USER.exception(
                        "Not a person's role: '" + GuardedPasswords.printable(String.valueOf(role))
                                + "'; the roles are " + String.join(", ", Roles.ALL));
            }
        }
        return roles.stream().distinct().sorted().toList();
    }

    String password(String username, @Nullable String password) {
        if (password == null || password.length() < minLength) {
            throw IdentityProblem.WEAK_PASSWORD.exception(
                    "A password has at least " + minLength + " characters; a few words make a good one");
        }
        if (password.length() > MAX_LENGTH) {
            throw IdentityProblem.WEAK_PASSWORD.exception("A password has at most " + MAX_LENGTH + " characters");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw IdentityProblem.WEAK_PASSWORD.exception("A password must not contain the user name");
        }
        if (KNOWN.contains(lower) || KNOWN.stream().anyMatch(known -> lower.equals(known + known))) {
            throw IdentityProblem.WEAK_PASSWORD.exception(
                    "That is one of the demo plant's well-known passwords (or a default): choose another");
        }
        return password;
    }
}
