package com.linetrace.metrics.shift;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plant's shifts laid on real time, in its time zone (summer time included): which shift is on, and how much of
 * a period is productive time (in a shift and not in a break), which is what a plan is spread over.
 */
public final class ShiftCalendar {

    /** A plan's span past this many days is cut: nobody plans a line years ahead, and the count stays bounded. */
    private static final int MAX_DAYS = 400;

    private final ShiftSettings settings;

    public ShiftCalendar(ShiftSettings settings) {
        this.settings = settings;
    }

    public ZoneId zone() {
        return settings.timeZone();
    }

    /** One shift on one day. */
    public record Occurrence(String name, Instant start, Instant end, List<Instant[]> breaks) {}

    /** The shift on at {@code at}, if any. */
    public Optional<Occurrence> shiftAt(Instant at) {
        var day = LocalDate.ofInstant(at, zone());
        return occurrences(day.minusDays(1), day).stream()
                .filter(o -> !at.isBefore(o.start()) && at.isBefore(o.end()))
                .findFirst();
    }

    /** The shift named {@code name} (case as configured, or not) that starts on {@code day}, if the calendar has it. */
    public Optional<Occurrence> shift(LocalDate day, String name) {
        return occurrences(day, day).stream()
                .filter(o -> o.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** The shifts of every day, in the calendar's order. */
    public List<ShiftSettings.Shift> shifts() {
        return settings.calendar();
    }

    /** Productive time in {@code [from, to)}: in a shift, not in one of its breaks. */
    public Duration productive(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        var first = LocalDate.ofInstant(from, zone()).minusDays(1);
        var last = LocalDate.ofInstant(to, zone());
        if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            last = first.plusDays(MAX_DAYS);
        }
        var total = Duration.ZERO;
        for (var shift : occurrences(first, last)) {
            total = total.plus(overlap(from, to, shift.start(), shift.end()));
            for (var pause : shift.breaks()) {
                total = total.minus(overlap(from, to, pause[0], pause[1]));
            }
        }
        return total;
    }

    /** The start of the plant's day holding {@code at}. */
    public Instant startOfDay(Instant at) {
        return LocalDate.ofInstant(at, zone()).atStartOfDay(zone()).toInstant();
    }

    /** The start of the day after {@code day}, in the plant's time zone: the end of a due date. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    /** The start of the plant's hour holding {@code at} (a local hour, also in a zone of half-hour offset). */
    public Instant startOfHour(Instant at) {
        return ZonedDateTime.ofInstant(at, zone()).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    private List<Occurrence> occurrences(LocalDate first, LocalDate last) {
        var occurrences = new ArrayList<Occurrence>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (var shift : settings.calendar()) {
                var start = at(day, shift.startTime());
                var end = at(day, shift.startTime()).plus(Duration.ofMinutes(shift.minutes()));
                var breaks = new ArrayList<Instant[]>();
                for (var pause : shift.breaks()) {
                    var from = start.plus(Duration.ofMinutes(shift.offset(pause.startTime())));
                    var to = start.plus(Duration.ofMinutes(shift.offset(pause.endTime())));
                    breaks.add(new Instant[] {from, to});
                }
                occurrences.add(new Occurrence(shift.name(), start, end, breaks));
            }
        }
        return occurrences;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone()).toInstant();
    }

    private static Duration overlap(Instant from, Instant to, Instant start, Instant end) {
        var a = from.isAfter(start) ? from : start;
        var b = to.isBefore(end) ? to : end;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
