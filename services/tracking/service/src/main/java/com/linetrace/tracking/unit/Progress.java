package com.linetrace.tracking.unit;

import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.route.Route;
import org.jspecify.annotations.Nullable;

/**
 * Where a unit goes after a check-out: on PASS to the next operation (or done), on FAIL to REPAIR and then back
 * to the failed operation, and on hold once it has failed as often as its route allows. Pure logic.
 */
public final class Progress {

    private Progress() {}

    /**
     * @param nextSeq the next required operation, null when the route is done
     * @param holdReason set when the unit must now be held
     */
    public record Outcome(
            @Nullable Integer nextSeq,
            boolean rework,
            int failures,
            @Nullable String holdReason) {
        public boolean completed() {
            return nextSeq == null;
        }
    }

    public static Outcome checkOut(UnitState unit, Route route, int seq, boolean atRepair, Result result) {
        if (result == Result.PASS) {
            if (atRepair) {
                return new Outcome(seq, false, unit.failures(), null);
            }
            var after = route.after(seq);
            return new Outcome(after == null ? null : after.seq(), false, unit.failures(), null);
        }
        int failures = unit.failures() + 1;
        String hold = failures >= route.maxFailures()
                ? "failed " + failures + " times, the limit of route " + route.model() + " v" + route.version()
                : null;
        return new Outcome(seq, true, failures, hold);
    }
}
