package com.linetrace.contracts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Event ids as UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well. */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {}

    public static UUID next() {
        return next(Clock.systemUTC());
    }

    static UUID next(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
