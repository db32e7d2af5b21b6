package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.UserChanged;
import com.linetrace.contracts.action.UserCreated;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.NewUser;
import com.linetrace.identity.api.UserChange;
import com.linetrace.identity.api.UserSummary;
import com.linetrace.identity.api.Users;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * User administration for admins ({@link Users}): each change in one transaction with its audit action (the account
 * before and after, never a password or PIN), and a new credential version, so that a sign-in any identity instance
 * remembers is checked again at its next use. The plant always keeps one enabled admin.
 */
final class UserDirectory implements Users {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final PlantUsers users;
    private final PasswordRules rules;
    private final PinRules pins;
    private final BadgeSignIns badges;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final IdentityAudit audit;
    private final TransactionOperations transactions;

    UserDirectory(
            PlantUsers users,
            PasswordRules rules,
            PinRules pins,
            BadgeSignIns badges,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            IdentityAudit audit,
            TransactionOperations transactions) {
        this.users = users;
        this.rules = rules;
        this.pins = pins;
        this.badges = badges;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public List<UserSummary> list() {
        admin();
        return users.persons().stream().map(PlantUsers.Account::summary).toList();
    }

    @Override
    public UserSummary create(NewUser user) {
        var admin = admin();
        var username = rules.username(user.username());
        var roles = rules.roles(user.roles());
        var hash = encoder.encode(rules.password(username, user.password()));
        try {
            return transactions.execute(status -> {
                if (users.taken(username)) {
                    throw exists(username);
                }
                users.insert(username, hash, roles);
                var created = users.lock(username).orElseThrow();
                audit.record(admin, ClientAddress.current(), new UserCreated(username, created.audited()));
                log.info("'{}' created the user '{}' with roles {}", admin, username, roles);
                return created.summary();
            });
        } catch (DuplicateKeyException e) {
            // Two admins creating the same name at once: the second is told, as if it had come later.
            throw exists(username);
        }
    }

    private static RuntimeException exists(String username) {
        return IdentityProblem.USER_EXISTS.exception("There is already a user or equipment '" + username + "'");
    }

    @Override
    public UserSummary changeRoles(String username, UserChange.Roles change) {
        var admin = admin();
        var roles = rules.roles(change.roles());
        return change(admin, username, "roles", before -> {
            if (before.admin() && !roles.contains(Roles.ADMIN)) {
                lastAdminStays(username);
            }
            users.setRoles(username, roles);
        });
    }

    @Override
    public UserSummary setEnabled(String username, UserChange.Enabled change) {
        var admin = admin();
        return change(admin, username, change.enabled() ? "enabled" : "disabled", before -> {
            if (before.admin() && !change.enabled()) {
                lastAdminStays(username);
            }
            users.setEnabled(username, change.enabled());
        });
    }

    @Override
    public UserSummary resetPassword(String username, UserChange.Password change) {
        var admin = admin();
        var hash = encoder.encode(rules.password(username, change.password()));
        return change(admin, username, "password-reset", before -> {
            users.setPassword(username, hash);
            throttle.forget(username);
        });
    }

    @Override
    public UserSummary setBadge(String username, UserChange.Badge change) {
        var admin = admin();
        var badge = pins.badge(change.badge());
        var hash = encoder.encode(pins.pin(change.pin()));
        try {
            return change(admin, username, "badge", before -> {
                if (badges.allowed(before.roles()).isEmpty()) {
                    throw IdentityProblem.INVALID_BADGE.exception("'" + username + "' may not sign in by badge: "
                            + (before.roles().contains(Roles.ADMIN)
                                    ? "an admin signs in with a password only"
                                    : "none of their roles signs in by badge"));
                }
                if (users.badgeHeldByAnother(badge, username)) {
                    throw badgeTaken(badge);
                }
                users.setBadge(username, badge, hash);
                throttle.forgetBadge(badge);
            });
        } catch (DuplicateKeyException e) {
            // Two admins giving the same badge to two people at once: the second is told, as if it had come later.
            throw badgeTaken(badge);
        }
    }

    private static RuntimeException badgeTaken(String badge) {
        return IdentityProblem.BADGE_TAKEN.exception("Another person holds the badge '" + badge + "'");
    }

    @Override
    public UserSummary removeBadge(String username) {
        var admin = admin();
        return change(admin, username, "badge-removed", before -> users.removeBadge(username));
    }

    @Override
    public void changeOwnPin(UserChange.OwnPin change) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller.getName().isBlank()) {
            throw new AccessDeniedException("Sign in to change your PIN");
        }
        var username = caller.getName();
        var hash = encoder.encode(pins.pin(change.newPin()));
        var current = change.currentPin();
        if (current == null || current.isEmpty() || current.length() > 100 || !badges.isOwnPin(username, current)) {
            throw IdentityProblem.PIN_REFUSED.exception("That is not your current PIN (or you have no badge)");
        }
        transactions.executeWithoutResult(status -> {
            var account = users.lock(username).orElseThrow();
            users.setPin(username, hash);
            audit.record(
                    username,
                    ClientAddress.current(),
                    new UserChanged(username, "pin-changed", account.audited(), account.audited()));
            log.info("'{}' changed their own PIN", username);
        });
    }

    private interface Change {
        void apply(PlantUsers.Account before);
    }

    private UserSummary change(String admin, String username, String what, Change change) {
        return transactions.execute(status -> {
            var before = users.lock(username)
                    .filter(account -> !account.equipment())
                    .orElseThrow(() -> IdentityProblem.UNKNOWN_USER.exception("No user '"
                            + GuardedPasswords.printable(username) + "' (equipment is configured, not managed here)"));
            change.apply(before);
            var after = users.lock(username).orElseThrow();
            audit.record(
                    admin, ClientAddress.current(), new UserChanged(username, what, before.audited(), after.audited()));
            log.info("'{}' changed the user '{}': {}", admin, username, what);
            return after.summary();
        });
    }

    private void lastAdminStays(String username) {
        if (users.enabledAdmins() <= 1) {
            throw IdentityProblem.LAST_ADMIN.exception(
                    "'" + username + "' is the plant's last enabled admin: make another admin first");
        }
    }

    /** The signed-in admin; anyone else is refused. */
    private static String admin() {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            throw new AccessDeniedException("Sign in as an admin to manage users");
        }
        var allowed = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> (PlantUsers.ROLE_PREFIX + Roles.ADMIN).equals(authority));
        if (!allowed) {
            throw new AccessDeniedException("Users are managed by admins");
        }
        return caller.getName();
    }
}
