package com.linetrace.identity;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locks this instance has already put in the audit log, so a client hammering a locked name, badge or address
 * adds one {@code LOCKED_OUT} entry per lock, not one per attempt.
 */
final class LockReports {

    private static final int MAX_REPORTED = 10_000;

    private final ConcurrentHashMap<String, Instant> reported = new ConcurrentHashMap<>();

    /** Whether this lock of {@code key} (until {@code until}) is news to this instance. */
    boolean first(String key, Instant until) {
        if (reported.size() >= MAX_REPORTED) {
            reported.clear();
        }
        var before = reported.put(key, until);
        return before == null || before.isBefore(until);
    }
}
