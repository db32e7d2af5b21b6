package com.linetrace.identity.api;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Sign-in: identity checks a person's user name and password, or a piece of equipment's id and secret, and answers
 * with a short-lived token signed by the plant's identity, which every service accepts as
 * {@code Authorization: Bearer <token>}. The same interface is the in-process bean (the plant's UI), identity's HTTP
 * endpoints, and the client a UI apart binds over HTTP.
 */
@HttpExchange("/api/tokens")
public interface Tokens {

    /**
     * A token for the holder of these credentials, with their roles.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#INVALID_CREDENTIALS} for an
     *     unknown name, a wrong password or a disabled user (one answer for all three), {@link
     *     IdentityProblem#TOO_MANY_SIGN_INS} while a name is locked after repeated failures
     */
    @PostExchange
    IssuedToken issue(@RequestBody SignIn signIn);

    /**
     * A token for the holder of this badge, who typed their PIN at a station terminal: it carries only the holder's
     * roles that may sign in by badge ({@code linetrace.identity.badge.roles}, never ADMIN) and says it came from a
     * badge (claim {@code amr}: {@code ["badge", "pin"]}), so the terminal's shorter session applies. Throttled as a
     * password sign-in is, and locked sooner ({@code linetrace.identity.sign-in.max-failures-per-badge}).
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#INVALID_CREDENTIALS} for a badge
     *     nobody holds, a wrong PIN, a disabled holder or one who may not sign in by badge (one answer for all), {@link
     *     IdentityProblem#TOO_MANY_SIGN_INS} while the badge or the terminal's address is locked
     */
    @PostExchange("/badge")
    IssuedToken issueForBadge(@RequestBody BadgeSignIn signIn);

    /**
     * A fresh token for the caller, who signed in with a token that is still valid: the roles are read again, and a
     * user disabled since gets {@link IdentityProblem#TOKEN_NOT_RENEWABLE}, so disabling someone takes effect within
     * one token's lifetime. Renewal ends a while after the first sign-in ({@code linetrace.identity.token.max-session}).
     */
    @PostExchange("/renewal")
    IssuedToken renew();

    /**
     * The caller, signed in with a token, signs out: identity records it in the audit log ({@code SignedOut}, with the
     * client's address). The token itself stays valid until it expires; whoever holds a session drops it.
     *
     * @param reason {@code timed-out} when the session ended for inactivity; otherwise the person signed out
     */
    @PostExchange("/sign-out")
    void signOut(@RequestParam(name = "reason", required = false) @Nullable String reason);

    /** Identity's public key (PEM), which every service verifies tokens with. */
    @GetExchange(value = "/public-key", accept = "application/x-pem-file")
    String publicKey();
}
