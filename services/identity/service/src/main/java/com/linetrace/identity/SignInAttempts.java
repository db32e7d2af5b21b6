package com.linetrace.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Failed sign-ins per name, so that guessing a password is slow: after {@code maxFailures} in a row a name is locked
 * for {@code lockout}, and a success starts the count again. Kept in this process's memory (each identity instance
 * counts its own), bounded, and never with the passwords tried.
 */
final class SignInAttempts {

    private static final int MAX_NAMES = 10_000;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) {}

    SignInAttempts(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** When the name may try again, if it is locked now. */
    @Nullable
    Instant lockedUntil(String name) {
        var failed = failures.get(key(name));
        if (failed == null || failed.count() < maxFailures) {
            return null;
        }
        var until = failed.last().plus(lockout);
        return until.isAfter(clock.instant()) ? until : null;
    }

    /** Counts a failure; returns how many in a row the name has now. */
    int failed(String name) {
        if (failures.size() >= MAX_NAMES) {
            failures.clear();
        }
        var now = clock.instant();
        return failures.merge(
                        key(name),
                        new Failures(1, now),
                        (old, one) -> old.last().plus(lockout).isBefore(now) ? one : new Failures(old.count() + 1, now))
                .count();
    }

    void succeeded(String name) {
        failures.remove(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
