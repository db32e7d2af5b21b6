package com.linetrace.contracts;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Event ids as UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well. Within a process they are
 * strictly increasing (RFC 9562 §6.2, method 1: the 12 bits after the millisecond count up within it), so events
 * written in one transaction at the same instant still sort in the order they were made: a unit's history reads
 * WorkCompleted, then UnitCompleted, then UnitsDeparted.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_LIMIT = 1 << 12;
    private static final EventIds PROCESS = new EventIds(System::currentTimeMillis);

    private final LongSupplier millis;

    /** The last id's millisecond and counter, as {@code millis << 12 | counter}. */
    private long last;

    EventIds(LongSupplier millis) {
        this.millis = millis;
    }

    public static UUID next() {
        return PROCESS.nextId();
    }

    synchronized UUID nextId() {
        // A new millisecond starts its counter at random in the lower half; a clock that stands still or steps back
        // counts on from the last id, and a full counter moves on to the next millisecond, ahead of the clock by at
        // most a few milliseconds under a burst.
        long stamp = Math.max((millis.getAsLong() << 12) | RANDOM.nextInt(COUNTER_LIMIT / 2), last + 1);
        last = stamp;
        long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & (COUNTER_LIMIT - 1));
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
