package com.linetrace.metrics.shift;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plant's shift calendar ({@code linetrace.metrics.shifts.*}): what "this shift" and the plan's productive time
 * mean. Checked at start: a calendar that does not hold together stops the start, saying what is wrong.
 *
 * @param timeZone the plant's time zone, in which shifts, hours and days are counted
 * @param calendar the shifts of every day, none overlapping another; left out, a day shift 06:00–14:30 and a swing
 *     shift 14:30–23:00, each with a 15-minute and a 30-minute break
 */
@Validated
@ConfigurationProperties("linetrace.metrics.shifts")
public record ShiftSettings(
        @DefaultValue("America/Los_Angeles") ZoneId timeZone,
        @Nullable List<@Valid Shift> calendar) {

    static final List<Shift> DEFAULT = List.of(
            new Shift("Day", "06:00", "14:30", List.of(new Break("09:00", "09:15"), new Break("11:30", "12:00"))),
            new Shift("Swing", "14:30", "23:00", List.of(new Break("17:30", "17:45"), new Break("19:30", "20:00"))));

    public ShiftSettings {
        calendar = calendar == null || calendar.isEmpty() ? DEFAULT : List.copyOf(calendar);
        var names = new HashSet<String>();
        for (var shift : calendar) {
            if (!names.add(shift.name())) {
                throw new IllegalArgumentException("Two shifts are named '" + shift.name() + "'");
            }
        }
        for (var a : calendar) {
            for (var b : calendar) {
                if (a != b && a.overlaps(b)) {
                    throw new IllegalArgumentException(
                            "Shifts '" + a.name() + "' and '" + b.name() + "' overlap: a moment belongs to one shift");
                }
            }
        }
    }

    /** The calendar the plant runs when none is configured. */
    public static ShiftSettings defaults() {
        return new ShiftSettings(ZoneId.of("America/Los_Angeles"), null);
    }

    /**
     * A shift of every day, from {@code start} to {@code end} ({@code HH:mm}); an end at or before the start is on the
     * next day (a night shift).
     *
     * @param breaks times within the shift when the line does not run, left out of the plan
     */
    public record Shift(
            @NotBlank String name,
            String start,
            String end,
            @Nullable List<Break> breaks) {

        public Shift {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A shift needs a name");
            }
            time(name, "start", start);
            time(name, "end", end);
            if (time(name, "start", start).equals(time(name, "end", end))) {
                throw new IllegalArgumentException("Shift '" + name + "' starts when it ends");
            }
            breaks = breaks == null ? List.of() : List.copyOf(breaks);
            var from = time(name, "start", start);
            long length = length(from, time(name, "end", end));
            for (var pause : breaks) {
                long pauseStart = ShiftSettings.offset(from, pause.startTime());
                long pauseEnd = ShiftSettings.offset(from, pause.endTime());
                if (pauseStart > length || pauseEnd > length || pauseEnd <= pauseStart) {
                    throw new IllegalArgumentException("Break " + pause.start() + "–" + pause.end() + " of shift '"
                            + name + "' is not within the shift (" + start + "–" + end + ")");
                }
            }
        }

        public LocalTime startTime() {
            return LocalTime.parse(start);
        }

        public LocalTime endTime() {
            return LocalTime.parse(end);
        }

        /** Minutes of the shift's length, end past midnight counted on the next day. */
        long minutes() {
            return length(startTime(), endTime());
        }

        /** Minutes from the shift's start to {@code time}, which may fall on the next day. */
        long offset(LocalTime time) {
            return ShiftSettings.offset(startTime(), time);
        }

        /** On the 24-hour circle: one starts while the other runs. */
        private boolean overlaps(Shift other) {
            return offset(other.startTime()) < minutes() || other.offset(startTime()) < other.minutes();
        }
    }

    /** A break within a shift, {@code HH:mm} to {@code HH:mm}. */
    public record Break(String start, String end) {

        public Break {
            time("break", "start", start);
            time("break", "end", end);
        }

        public LocalTime startTime() {
            return LocalTime.parse(start);
        }

        public LocalTime endTime() {
            return LocalTime.parse(end);
        }
    }

    private static long length(LocalTime start, LocalTime end) {
        long minutes = java.time.Duration.between(start, end).toMinutes();
        return minutes <= 0 ? minutes + 24 * 60 : minutes;
    }

    private static long offset(LocalTime start, LocalTime time) {
        long minutes = java.time.Duration.between(start, time).toMinutes();
        return minutes < 0 ? minutes + 24 * 60 : minutes;
    }

    private static LocalTime time(String owner, String field, @Nullable String text) {
        if (text == null) {
            throw new IllegalArgumentException("The " + field + " of " + owner + " is missing (HH:mm)");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "The " + field + " of " + owner + " is not a time of day (HH:mm): '" + text + "'");
        }
    }
}
