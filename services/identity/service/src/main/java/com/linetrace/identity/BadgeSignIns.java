package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.SignInFailed;
import com.linetrace.identity.api.IdentityProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Badge-and-PIN checks at a station terminal (DD022), guarded as the password sign-in is (DD017): a locked badge or
 * client address is refused before any PIN hash is checked; a badge nobody holds costs the same hash check as a wrong
 * PIN and gets the same answer, so the answer does not tell which badges exist; every failure is counted against the
 * badge (locked sooner than a name) and the address and becomes a {@link SignInFailed} audit action, never with the
 * PIN. A badge signs in only the roles that may sign in by badge, and never an admin.
 */
final class BadgeSignIns {

    private static final Logger log = LoggerFactory.getLogger(BadgeSignIns.class);

    /** Who a badge signed in, with the roles their token may carry and their credential version. */
    record ByBadge(String username, List<String> roles, long credentialVersion) {}

    private final PlantUsers users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final IdentityAudit audit;
    private final List<String> badgeRoles;
    private final LockReports reported = new LockReports();
    /** Checked against for a badge nobody holds, so that it costs what a wrong PIN costs. */
    private final String nobodysPin;

    BadgeSignIns(
            PlantUsers users,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            IdentityAudit audit,
            IdentitySettings.Badge settings) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.badgeRoles = settings.roles();
        this.nobodysPin = encoder.encode("no badge holds this");
    }

    /** The holder's roles a badge sign-in's token may carry; none for an admin, who signs in with a password only. */
    List<String> allowed(List<String> roles) {
        if (roles.contains(Roles.ADMIN)) {
            return List.of();
        }
        return roles.stream().filter(badgeRoles::contains).sorted().toList();
    }

    /**
     * Signs in the holder of the badge scanned, if {@code pin} is theirs.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#TOO_MANY_SIGN_INS}, {@link
     *     IdentityProblem#INVALID_CREDENTIALS} (one answer for an unknown badge, a wrong PIN, a disabled holder and one
     *     who may not sign in by badge)
     */
    ByBadge signIn(String scanned, String pin) {
        var badge = PinRules.normalized(scanned);
        var subject = badge != null ? badge : IdentityAudit.printable(scanned);
        var address = ClientAddress.current();
        // One indexed read each, before any hash: the holder (for the audit log's name) and the locks.
        var holder = badge == null ? Optional.<PlantUsers.BadgeHolder>empty() : users.badgeHolder(badge);
        refuseIfLocked(subject, address, holder);
        SignInFailed.Reason reason;
        if (holder.isEmpty()) {
            encoder.matches(pin, nobodysPin);
            reason = SignInFailed.Reason.UNKNOWN_BADGE;
        } else if (!encoder.matches(pin, holder.get().pinHash())) {
            reason = SignInFailed.Reason.WRONG_PIN;
        } else if (!holder.get().enabled()) {
            reason = SignInFailed.Reason.DISABLED;
        } else if (allowed(holder.get().roles()).isEmpty()) {
            reason = SignInFailed.Reason.BADGE_NOT_ALLOWED;
        } else {
            throttle.badgeSucceeded(subject);
            var person = holder.get();
            return new ByBadge(person.username(), allowed(person.roles()), person.credentialVersion());
        }
        failed(subject, address, holder, reason);
        throw IdentityProblem.INVALID_CREDENTIALS.exception("Wrong badge or PIN");
    }

    /**
     * Whether {@code pin} is the PIN of the signed-in person's own badge, checked and counted as a badge sign-in is (a
     * wrong one is a failure of their badge); false when they have no badge.
     */
    boolean isOwnPin(String username, String pin) {
        var holder = users.badgeOf(username);
        if (holder.isEmpty()) {
            encoder.matches(pin, nobodysPin);
            return false;
        }
        var badge = holder.get().badge();
        var address = ClientAddress.current();
        refuseIfLocked(badge, address, holder);
        if (encoder.matches(pin, holder.get().pinHash())) {
            throttle.badgeSucceeded(badge);
            return true;
        }
        failed(badge, address, holder, SignInFailed.Reason.WRONG_PIN);
        return false;
    }

    private void refuseIfLocked(String subject, @Nullable String address, Optional<PlantUsers.BadgeHolder> holder) {
        var lockedUntil = throttle.badgeLockedUntil(subject, address);
        if (lockedUntil == null) {
            return;
        }
        if (reported.first(address != null ? "address:" + address : "badge:" + subject, lockedUntil)) {
            var actor = actor(subject, holder);
            log.warn(
                    "Refused a badge sign-in as '{}' from {}: locked after failed sign-ins until {}",
                    actor,
                    address,
                    lockedUntil);
            audit.record(actor, address, new SignInFailed(actor, SignInFailed.Reason.LOCKED_OUT, lockedUntil));
        }
        throw IdentityProblem.TOO_MANY_SIGN_INS.exception(
                "Too many failed sign-ins with this badge or at this terminal: try again after " + lockedUntil);
    }

    private void failed(
            String subject,
            @Nullable String address,
            Optional<PlantUsers.BadgeHolder> holder,
            SignInFailed.Reason reason) {
        @Nullable Instant locks = throttle.badgeFailed(subject, address);
        var actor = actor(subject, holder);
        log.warn(
                "Refused a badge sign-in as '{}' from {}: unknown badge, wrong PIN or not allowed{}",
                actor,
                address,
                locks == null ? "" : "; locked until " + locks);
        audit.record(actor, address, new SignInFailed(actor, reason, locks));
    }

    /** The holder's name, or for a badge nobody holds {@code badge:<id>}. */
    private static String actor(String subject, Optional<PlantUsers.BadgeHolder> holder) {
        return holder.map(PlantUsers.BadgeHolder::username)
                .orElseGet(() -> IdentityAudit.printable("badge:" + subject));
    }
}
