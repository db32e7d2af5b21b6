package com.linetrace.metrics.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line's performance at {@code at}, computed from its events. Yields, cycle times and defects are over the last 24
 * hours; output is counted per hour and per shift of the plant's shift calendar, against the plan made of the line's
 * released work orders.
 *
 * @param timeZone the plant's time zone (its shift calendar's), in which hours, shifts and days are counted
 * @param shift the shift on at {@code at}, none between shifts
 * @param thisHour units completed (packed) in the current hour, against plan
 * @param thisShift units completed in the current shift, against plan (all zero between shifts)
 * @param completedToday units completed since midnight in the plant's time zone
 * @param inProgress units checked in somewhere or waiting between stations, not held
 * @param held units in progress and held
 * @param firstPassYield share of the units completed in the last 24 hours that never failed an operation
 * @param rolledThroughputYield the product of the operations' first-pass yields
 * @param lastUnitAt when the line last completed a unit
 * @param lastEventAt when the latest unit event of the line that metrics applied happened
 * @param stations in flow order (by the first operation seen at each), repair stations last
 * @param operations by operation number
 * @param last24Hours units completed and planned per hour, oldest first, the current hour last
 * @param topDefects the most frequent defect codes, most frequent first
 * @param alerts the line's andon alerts not yet cleared, newest first
 */
public record LinePerformance(
        String line,
        Instant at,
        String timeZone,
        @Nullable Shift shift,
        Output thisHour,
        Output thisShift,
        int completedToday,
        int inProgress,
        int held,
        @Nullable Double firstPassYield,
        @Nullable Double rolledThroughputYield,
        @Nullable Instant lastUnitAt,
        @Nullable Instant lastEventAt,
        List<StationPerformance> stations,
        List<OperationPerformance> operations,
        List<HourlyOutput> last24Hours,
        List<DefectCount> topDefects,
        List<AndonAlert> alerts) {

    public LinePerformance {
        stations = List.copyOf(stations);
        operations = List.copyOf(operations);
        last24Hours = List.copyOf(last24Hours);
        topDefects = List.copyOf(topDefects);
        alerts = List.copyOf(alerts);
    }

    /** A shift of the plant's calendar, as it falls on one day. */
    public record Shift(String name, Instant start, Instant end) {}

    /**
     * Units completed in a period, and what the plan asks for in it (shares of a unit, where a plan spreads): in the
     * whole period, and in its part up to now, which is what the line is behind or ahead of.
     */
    public record Output(int completed, double planned, double plannedByNow) {}

    /** One hour of the line: its start, the units completed and planned. */
    public record HourlyOutput(Instant hour, int completed, double planned) {}

    /**
     * A station now.
     *
     * @param working units checked in at the station
     * @param waiting units waiting for a station of its kind (shared by the line's stations of that kind)
     * @param completedThisHour operations finished (PASS or FAIL) at the station in the current hour
     * @param completedThisShift operations finished at the station in the current shift
     * @param firstPassYield first attempts passed over first attempts at the station in the last 24 hours
     * @param lastEventAt the station's latest event: the time since is how long it has been quiet
     */
    public record StationPerformance(
            String station,
            @Nullable String kind,
            int working,
            int waiting,
            StationState state,
            int completedThisHour,
            int completedThisShift,
            @Nullable Double firstPassYield,
            @Nullable Instant lastEventAt) {}

    /**
     * An operation of the line's routes over the last 24 hours.
     *
     * @param firstAttempts units that tried it for the first time (repairs and retries after repair left out)
     * @param firstPassed of those, how many passed
     * @param cycleTimeP50 median time from check-in to work completed, over every attempt but repairs
     * @param cycleTimeP90 90th percentile of the same
     */
    public record OperationPerformance(
            int operation,
            String name,
            int firstAttempts,
            int firstPassed,
            @Nullable Double firstPassYield,
            @Nullable Duration cycleTimeP50,
            @Nullable Duration cycleTimeP90) {}

    /** A defect code and how often it was recorded on a failed operation. */
    public record DefectCount(String code, int count) {}
}
