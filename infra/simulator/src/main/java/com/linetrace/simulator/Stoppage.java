package com.linetrace.simulator;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A station of the demo line that stops now and then (a jammed fixture, a missing tool), as on any floor: from
 * {@code first} after the simulator starts and then every {@code every}, it does nothing for {@code length}; a unit at
 * work there is not checked out and a unit arriving waits, so the station is silent with work waiting, which the
 * andon reports as a stall once the silence passes its threshold. Times are on the simulated floor (unscaled).
 *
 * @param station the station that stops; none for a line that never stops
 */
record Stoppage(@Nullable String station, Duration first, Duration every, Duration length) {

    Stoppage {
        if (first.isNegative() || !length.isPositive() || every.compareTo(length) <= 0) {
            throw new IllegalArgumentException(
                    "linetrace.simulator.stoppage-first is 0 or more, stoppage-length above 0 and shorter than"
                            + " stoppage-every");
        }
    }

    /** How long {@code station} stays stopped from {@code sinceStart} on the floor's clock: zero when it works. */
    Duration remaining(String station, Duration sinceStart) {
        if (this.station == null || !this.station.equals(station) || sinceStart.compareTo(first) < 0) {
            return Duration.ZERO;
        }
        long into = sinceStart.minus(first).toMillis() % every.toMillis();
        return into < length.toMillis() ? Duration.ofMillis(length.toMillis() - into) : Duration.ZERO;
    }
}
