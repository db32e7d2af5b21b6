package com.linetrace.identity;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.action.SignInFailed;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Every password sign-in of identity (tokens, HTTP Basic) goes through here: a locked name or client address is
 * refused before the password hash is checked ({@link SignInThrottle}); a failure is counted and becomes a
 * {@link SignInFailed} audit action with its reason (never the password); the caller hears one answer for an unknown
 * name, a wrong password and a disabled user.
 */
final class GuardedPasswords implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(GuardedPasswords.class);

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final IdentityAudit audit;
    private final LockReports reported = new LockReports();

    GuardedPasswords(AuthenticationProvider passwords, SignInThrottle throttle, IdentityAudit audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Refused because the name or the address is locked; says until when. */
    static final class SignInLocked extends LockedException {

        private final Instant until;

        SignInLocked(Instant until) {
            super("Too many failed sign-ins: try again after " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var name = authentication.getName();
        var address = ClientAddress.current();
        var lockedUntil = throttle.lockedUntil(name, address);
        if (lockedUntil != null) {
            if (firstReport(name, address, lockedUntil)) {
                log.warn(
                        "Refused a sign-in as '{}' from {}: locked after failed sign-ins until {}",
                        printable(name),
                        address,
                        lockedUntil);
                audit.record(
                        IdentityAudit.printable(name),
                        address,
                        new SignInFailed(IdentityAudit.printable(name), SignInFailed.Reason.LOCKED_OUT, lockedUntil));
            }
            throw new SignInLocked(lockedUntil);
        }
        SignInFailed.Reason reason;
        try {
            var signedIn = passwords.authenticate(authentication);
            if (signedIn != null && signedIn.isAuthenticated()) {
                throttle.succeeded(name);
                return signedIn;
            }
            reason = SignInFailed.Reason.WRONG_PASSWORD;
        } catch (UsernameNotFoundException e) {
            reason = SignInFailed.Reason.UNKNOWN_USER;
        } catch (AccountStatusException e) {
            reason = SignInFailed.Reason.DISABLED;
        } catch (BadCredentialsException e) {
            reason = SignInFailed.Reason.WRONG_PASSWORD;
        } catch (AuthenticationException e) {
            if (DatabaseUnreachable.causes(e)) {
                // Not the user's fault, and no failure to count: the edges answer 503 and the user tries again.
                throw e;
            }
            reason = SignInFailed.Reason.WRONG_PASSWORD;
        }
        var locks = throttle.failed(name, address);
        log.warn(
                "Refused a sign-in as '{}' from {}: unknown name, wrong password or not enabled{}",
                printable(name),
                address,
                locks == null ? "" : "; locked until " + locks);
        audit.record(
                IdentityAudit.printable(name), address, new SignInFailed(IdentityAudit.printable(name), reason, locks));
        throw new BadCredentialsException("Wrong user name or password");
    }

    private boolean firstReport(String name, @Nullable String address, Instant until) {
        // Per address where there is one: a client trying many names from a locked address is one entry per lock.
        return reported.first(address != null ? "address:" + address : "user:" + SignInThrottle.key(name), until);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A name as typed, safe for one log line. */
    static String printable(String name) {
        var shown = name.length() > 100 ? name.substring(0, 100) + "…" : name;
        return shown.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    }
}
