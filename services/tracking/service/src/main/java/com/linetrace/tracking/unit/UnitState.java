package com.linetrace.tracking.unit;

import com.linetrace.contracts.Serial;
import org.jspecify.annotations.Nullable;

/**
 * Where a unit stands on its route.
 *
 * @param nextSeq the next required operation; null once the route is done
 * @param rework the unit failed {@code nextSeq} and must pass REPAIR before it
 * @param failures how many operations it has failed so far
 * @param holdReason why it is on hold, null when it is not
 * @param checkedInStation the station it is checked in at, if any
 * @param checkedInSeq the operation it is checked in for (for REPAIR: the failed operation)
 * @param scrappedReason why it was scrapped, null when it was not
 */
public record UnitState(
        Serial serial,
        String workOrder,
        long routeId,
        String lineId,
        Status status,
        @Nullable Integer nextSeq,
        boolean rework,
        int failures,
        @Nullable String holdReason,
        @Nullable String checkedInStation,
        @Nullable Integer checkedInSeq,
        @Nullable String scrappedReason) {

    public enum Status {
        ISSUED,
        IN_PROGRESS,
        COMPLETED,
        SCRAPPED
    }

    public boolean held() {
        return holdReason != null;
    }
}
