package com.linetrace.metrics.line;

import com.linetrace.metrics.api.StationState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A station's SEMI E58 state from what its events say. Check-out moves a unit on at once, so no event shows a unit
 * kept at a station by a full buffer downstream: blocked is read as an idle station whose downstream queue has
 * reached the blocked threshold (it holds back, or cannot hand on what it would make).
 */
final class StationStates {

    private StationStates() {}

    static StationState of(
            int working,
            int waiting,
            @Nullable Instant lastEventAt,
            int waitingDownstream,
            Instant now,
            Duration stallAfter,
            int blockedQueue) {
        boolean hasWork = working > 0 || waiting > 0;
        boolean quiet = lastEventAt == null || lastEventAt.plus(stallAfter).isBefore(now);
        if (hasWork && quiet) {
            return StationState.UNSCHEDULED_DOWN;
        }
        if (hasWork) {
            return StationState.PRODUCTIVE;
        }
        if (waitingDownstream >= blockedQueue) {
            return StationState.STANDBY_BLOCKED;
        }
        return StationState.STANDBY_STARVED;
    }
}
