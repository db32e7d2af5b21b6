package com.linetrace.metrics.api;

import com.linetrace.metrics.api.LinePerformance.DefectCount;
import com.linetrace.metrics.api.LinePerformance.HourlyOutput;
import com.linetrace.metrics.api.LinePerformance.Output;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One shift of one line, computed by metrics from the unit and line events: output against plan, yield, top defects,
 * stoppages and andon alerts, holds. A shift still on is reported up to {@code generatedAt} ({@code over} false).
 *
 * @param date the day the shift starts on, in the plant's time zone
 * @param shift the shift's name in the plant's shift calendar
 * @param start when the shift starts
 * @param end when it ends
 * @param over whether the shift had ended when the report was made
 * @param output units completed (packed) in the shift, against the plan of the line's released work orders (whole
 *     shift, and up to the report's moment)
 * @param hours the shift's local hours, the first and last ones cut to the shift
 * @param firstPassYield share of the units completed in the shift that never failed an operation
 * @param rolledThroughputYield the product of the operations' first-pass yields in the shift
 * @param operations each operation finished in the shift, by number
 * @param stations each station that finished an operation in the shift, by name
 * @param topDefects the shift's most frequent defect codes, most frequent first
 * @param stoppages stations stalled during the shift (the andon's {@code STATION_STALLED}), oldest first
 * @param stopped the stoppages' time within the shift, added up
 * @param alerts every andon alert open at some moment of the shift, oldest first
 * @param holds every hold of a unit of the line in effect at some moment of the shift, oldest first
 */
public record ShiftReport(
        String line,
        LocalDate date,
        String shift,
        String timeZone,
        Instant start,
        Instant end,
        Instant generatedAt,
        boolean over,
        Output output,
        List<HourlyOutput> hours,
        @Nullable Double firstPassYield,
        @Nullable Double rolledThroughputYield,
        List<OperationYield> operations,
        List<StationOutput> stations,
        List<DefectCount> topDefects,
        List<Stoppage> stoppages,
        Duration stopped,
        List<AndonAlert> alerts,
        List<Hold> holds) {

    public ShiftReport {
        hours = List.copyOf(hours);
        operations = List.copyOf(operations);
        stations = List.copyOf(stations);
        topDefects = List.copyOf(topDefects);
        stoppages = List.copyOf(stoppages);
        alerts = List.copyOf(alerts);
        holds = List.copyOf(holds);
    }

    /**
     * An operation in the shift.
     *
     * @param finished attempts finished (PASS or FAIL), repairs left out
     * @param failed of those, how many failed
     * @param firstAttempts units that tried it for the first time
     * @param firstPassed of those, how many passed
     * @param cycleTimeP50 median time from check-in to work completed
     * @param cycleTimeP90 90th percentile of the same
     */
    public record OperationYield(
            int operation,
            String name,
            int finished,
            int failed,
            int firstAttempts,
            int firstPassed,
            @Nullable Double firstPassYield,
            @Nullable Duration cycleTimeP50,
            @Nullable Duration cycleTimeP90) {}

    /**
     * A station in the shift.
     *
     * @param finished operations finished there (PASS or FAIL, repairs included)
     * @param failed of those, how many failed
     * @param firstPassYield first attempts passed over first attempts at the station
     */
    public record StationOutput(
            String station,
            int finished,
            int failed,
            int firstAttempts,
            int firstPassed,
            @Nullable Double firstPassYield) {}

    /**
     * A station that stopped: the andon raised a stall for it (work waiting, no event for the stall threshold).
     *
     * @param alert the andon alert that reported it
     * @param since the station's last event before the alert: when it went quiet
     * @param until when it had events again (the alert cleared); none while it is still stopped
     * @param inShift how much of it fell within the shift (up to the report's moment)
     */
    public record Stoppage(
            UUID alert,
            String station,
            Instant since,
            @Nullable Instant until,
            Duration inShift) {}

    /**
     * A unit put on hold, by a person or a rule, and what ended the hold.
     *
     * @param heldBy who held it (a person, or the rule's actor)
     * @param ended {@code RELEASED} or {@code SCRAPPED}; none while it is held
     */
    public record Hold(
            String serial,
            @Nullable String station,
            Instant heldAt,
            String heldBy,
            String reason,
            @Nullable String ended,
            @Nullable Instant endedAt,
            @Nullable String endedBy,
            @Nullable String endReason) {}
}
