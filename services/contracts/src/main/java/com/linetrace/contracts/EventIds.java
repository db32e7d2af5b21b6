package com.linetrace.contracts;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Event ids as UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well. Within a process they are
 * strictly increasing (RFC 9562 §6.2, method 1: the 12 bits after the millisecond count up within it), so events
 * written in one transaction at the same instant still sort in the order they were made: a unit's history reads
 * WorkCompleted, then UnitCompleted, then UnitsDeparted.
 *
 * <p>{@link #replayable} makes the same ids again from the same clock readings and seed: for a generated load that,
 * run twice, is the same events twice (which consumers' inboxes then take once), never a second copy of them.
 */
public final class EventIds {

    private static final int COUNTER_LIMIT = 1 << 12;
    private static final EventIds PROCESS = new EventIds(System::currentTimeMillis);

    private final LongSupplier millis;
    private final RandomGenerator random;

    /** The last id's millisecond and counter, as {@code millis << 12 | counter}. */
    private long last;

    EventIds(LongSupplier millis) {
        this(millis, new SecureRandom());
    }

    private EventIds(LongSupplier millis, RandomGenerator random) {
        this.millis = millis;
        this.random = random;
    }

    public static UUID next() {
        return PROCESS.nextId();
    }

    /**
     * A source of ids of its own that reads {@code millis} as its clock (an event's own time, for events made after
     * the fact) and takes its random bits from {@code seed}: the same readings and seed give the same ids. Its ids are
     * unique and increasing among themselves only, so one load uses one source.
     */
    public static EventIds replayable(LongSupplier millis, long seed) {
        return new EventIds(millis, new Random(seed));
    }

    /** The next id of this source. */
    public synchronized UUID nextId() {
        // A new millisecond starts its counter at random in the lower half; a clock that stands still or steps back
        // counts on from the last id, and a full counter moves on to the next millisecond, ahead of the clock by at
        // most a few milliseconds under a burst.
        long stamp = Math.max((millis.getAsLong() << 12) | random.nextInt(COUNTER_LIMIT / 2), last + 1);
        last = stamp;
        long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & (COUNTER_LIMIT - 1));
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
