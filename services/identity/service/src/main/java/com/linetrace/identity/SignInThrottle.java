package com.linetrace.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins per name and per client address, in identity's schema so that every identity instance counts them
 * together and refuses a locked name or address alike (docs/decisions/DD017-20261201-sign-in-lockout-and-revocation.md).
 * After {@code maxFailuresPerUser} failures of a name, or {@code maxFailuresPerAddress} from an address, within
 * {@code window}, it is locked for {@code lockout}; a badge sooner ({@code maxFailuresPerBadge}). The check comes before any password hash: one indexed read by
 * primary key. Not remembered in memory: an admin who resets a password lifts the name's lock on every instance.
 */
final class SignInThrottle {

    static final String USER = "user";
    static final String ADDRESS = "address";
    static final String BADGE = "badge";

    private static final int CLEAN_EVERY = 100;

    private final JdbcClient jdbc;
    private final IdentitySettings.SignInLimits limits;
    private final Clock clock;
    private final AtomicInteger failuresSinceCleaning = new AtomicInteger();

    SignInThrottle(JdbcClient jdbc, IdentitySettings.SignInLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** When the name or the address may try again, if either is locked now. */
    @Nullable
    Instant lockedUntil(String name, @Nullable String address) {
        return lockedUntil(USER, key(name), address);
    }

    /** When the badge or the address may try again, if either is locked now. */
    @Nullable
    Instant badgeLockedUntil(String badge, @Nullable String address) {
        return lockedUntil(BADGE, key(badge), address);
    }

    private @Nullable Instant lockedUntil(String kind, String subject, @Nullable String address) {
        var locked = jdbc.sql("""
                        select locked_until from identity.sign_in_failure
                        where ((kind = :kind and subject = :subject) or (kind = 'address' and subject = :address))
                          and locked_until > :now
                        order by locked_until desc limit 1""")
                .param("kind", kind)
                .param("subject", subject)
                .param("address", address == null ? "" : address)
                .param("now", Timestamp.from(clock.instant()))
                .query(Timestamp.class)
                .optional();
        return locked.map(Timestamp::toInstant).orElse(null);
    }

    /** Counts a failure of the name and of the address; returns until when this failure locked either, if it did. */
    @Nullable
    Instant failed(String name, @Nullable String address) {
        return failed(USER, key(name), limits.maxFailuresPerUser(), address);
    }

    /**
     * Counts a failure of the badge (a wrong PIN, or a badge nobody holds: counted alike) and of the address; returns
     * until when this failure locked either, if it did.
     */
    @Nullable
    Instant badgeFailed(String badge, @Nullable String address) {
        return failed(BADGE, key(badge), limits.maxFailuresPerBadge(), address);
    }

    private @Nullable Instant failed(String kind, String subject, int max, @Nullable String address) {
        var now = clock.instant();
        if (failuresSinceCleaning.incrementAndGet() >= CLEAN_EVERY) {
            failuresSinceCleaning.set(0);
            forgetOld(now);
        }
        var own = count(kind, subject, max, now);
        var from = address == null ? null : count(ADDRESS, address, limits.maxFailuresPerAddress(), now);
        return later(own, from);
    }

    /** A name that signed in starts counting again; its address does not (it may be guessing other names). */
    void succeeded(String name) {
        succeeded(USER, key(name));
    }

    /** A badge that signed in starts counting again; the terminal's address does not. */
    void badgeSucceeded(String badge) {
        succeeded(BADGE, key(badge));
    }

    private void succeeded(String kind, String subject) {
        jdbc.sql("""
                        delete from identity.sign_in_failure
                        where kind = :kind and subject = :subject and locked_until is null""").param("kind", kind).param("subject", subject).update();
    }

    private @Nullable Instant count(String kind, String subject, int max, Instant now) {
        var failures = jdbc.sql("""
                        insert into identity.sign_in_failure as f (kind, subject, failures, window_started)
                        values (:kind, :subject, 1, :now)
                        on conflict (kind, subject) do update set
                            failures = case when f.window_started < :windowStart then 1 else f.failures + 1 end,
                            window_started = case when f.window_started < :windowStart then :now
                                                  else f.window_started end
                        returning failures""")
                .param("kind", kind)
                .param("subject", subject)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(limits.window())))
                .query(Integer.class)
                .single();
        if (failures < max) {
            return null;
        }
        // Locked, and counting starts again: after the lockout it takes as many failures again to lock it again.
        var until = now.plus(limits.lockout());
        jdbc.sql("""
                        update identity.sign_in_failure set locked_until = :until, failures = 0, window_started = :now
                        where kind = :kind and subject = :subject""")
                .param("until", Timestamp.from(until))
                .param("now", Timestamp.from(now))
                .param("kind", kind)
                .param("subject", subject)
                .update();
        return until;
    }

    private void forgetOld(Instant now) {
        jdbc.sql("""
                        delete from identity.sign_in_failure
                        where window_started < :windowStart and (locked_until is null or locked_until < :now)""")
                .param("windowStart", Timestamp.from(now.minus(limits.window())))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Lifts the name's lock and forgets its failures (an admin set a new password). */
    void forget(String name) {
        forget(USER, key(name));
    }

    /** Lifts the badge's lock and forgets its failures (an admin set a new PIN). */
    void forgetBadge(String badge) {
        forget(BADGE, key(badge));
    }

    private void forget(String kind, String subject) {
        jdbc.sql("delete from identity.sign_in_failure where kind = :kind and subject = :subject")
                .param("kind", kind)
                .param("subject", subject)
                .update();
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    static String key(String name) {
        var key = name.toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }
}
