package com.linetrace.identity.api;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The plant's people, managed by an admin (role ADMIN only): create an account, change its roles, disable or enable
 * it, reset its password, give it a badge and PIN for the station terminals. Every change is an audit action with the account before and after (never a password), and
 * takes effect at once: a credential remembered by any identity instance is checked again at its next use.
 * Equipment is configured ({@code linetrace.identity.equipment}), not managed here.
 */
@HttpExchange("/api/users")
public interface Users {

    /** Every person's account (not equipment), by name. */
    @GetExchange
    List<UserSummary> list();

    /**
     * Creates an account, enabled.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#INVALID_USER}, {@link
     *     IdentityProblem#WEAK_PASSWORD}, {@link IdentityProblem#USER_EXISTS}
     */
    @PostExchange
    UserSummary create(@RequestBody NewUser user);

    /** Gives the account these roles instead of its own; refuses to take ADMIN from the last enabled admin. */
    @PutExchange("/{username}/roles")
    UserSummary changeRoles(@PathVariable String username, @RequestBody UserChange.Roles roles);

    /** Enables or disables the account; refuses to disable the last enabled admin. */
    @PutExchange("/{username}/enabled")
    UserSummary setEnabled(@PathVariable String username, @RequestBody UserChange.Enabled enabled);

    /** Sets a new password (the plant's rules apply) and lifts a lock after failed sign-ins. */
    @PutExchange("/{username}/password")
    UserSummary resetPassword(@PathVariable String username, @RequestBody UserChange.Password password);

    /**
     * Gives the account a badge and its PIN, or a new PIN for the badge it has (the plant's PIN rules apply), and lifts
     * the badge's lock after failed sign-ins. Only a person with a role that may sign in by badge, and no admin.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#INVALID_BADGE}, {@link
     *     IdentityProblem#WEAK_PIN}, {@link IdentityProblem#BADGE_TAKEN} when another person holds that badge
     */
    @PutExchange("/{username}/badge")
    UserSummary setBadge(@PathVariable String username, @RequestBody UserChange.Badge badge);

    /** Takes the account's badge away: it no longer signs anyone in. */
    @DeleteExchange("/{username}/badge")
    UserSummary removeBadge(@PathVariable String username);

    /**
     * The signed-in person (any role) changes their own PIN, giving the one they have now; a wrong one counts as a
     * failed badge sign-in. The old PIN stops working at once.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#PIN_REFUSED} for a wrong current
     *     PIN or no badge, {@link IdentityProblem#WEAK_PIN}, {@link IdentityProblem#TOO_MANY_SIGN_INS}
     */
    @PutExchange("/own-pin")
    void changeOwnPin(@RequestBody UserChange.OwnPin pin);
}
