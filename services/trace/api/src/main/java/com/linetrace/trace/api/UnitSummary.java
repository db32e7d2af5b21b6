package com.linetrace.trace.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A unit as trace knows it now: its identity and where it stands. The work order, model and route version come from
 * the unit's {@code UnitsInitialized}; until trace has read it (the provisioning topic may run ahead of the unit
 * topic) they are null, except the model, which a firmware verdict also names.
 *
 * @param held whether it is on hold now (then {@code status} is {@link UnitStatus#HELD}, unless scrapped)
 * @param lastStation the station of its latest event, null before its first check-in
 * @param nextOperation its next required operation, null when its route is done or not yet known
 * @param firstSeenAt the time of the earliest event trace has of it
 * @param lastEventAt the time of the latest event trace has of it
 */
public record UnitSummary(
        String serial,
        @Nullable String model,
        @Nullable String workOrder,
        @Nullable Integer routeVersion,
        @Nullable String line,
        UnitStatus status,
        boolean held,
        @Nullable String lastStation,
        @Nullable Integer nextOperation,
        Instant firstSeenAt,
        Instant lastEventAt) {}
