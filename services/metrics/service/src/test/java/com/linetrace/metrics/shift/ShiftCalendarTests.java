package com.linetrace.metrics.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarTests {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private final ShiftCalendar calendar = new ShiftCalendar(ShiftSettings.defaults());

    private static Instant la(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), LA).toInstant();
    }

    @Test
    void runsTwoShiftsADayInLosAngelesByDefault() {
        assertThat(calendar.zone()).isEqualTo(LA);
        assertThat(calendar.shiftAt(la("2026-12-01T07:00")).orElseThrow().name())
                .isEqualTo("Day");
        assertThat(calendar.shiftAt(la("2026-12-01T22:59")).orElseThrow().name())
                .isEqualTo("Swing");
        assertThat(calendar.shiftAt(la("2026-12-01T23:30"))).isEmpty();
        assertThat(calendar.shiftAt(la("2026-12-01T14:30")).orElseThrow().start())
                .isEqualTo(la("2026-12-01T14:30"));
    }

    @Test
    void leavesBreaksAndTheNightOutOfProductiveTime() {
        // 8.5 h + 8.5 h of shifts, less 45 min of breaks in each.
        assertThat(calendar.productive(la("2026-12-01T00:00"), la("2026-12-02T00:00")))
                .isEqualTo(Duration.ofMinutes(17 * 60 - 90));
        assertThat(calendar.productive(la("2026-12-01T09:00"), la("2026-12-01T10:00")))
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(calendar.productive(la("2026-12-01T23:00"), la("2026-12-02T06:00")))
                .isZero();
    }

    @Test
    void countsANightShiftOverMidnightWithItsBreak() {
        var nights = new ShiftCalendar(new ShiftSettings(
                LA,
                List.of(new ShiftSettings.Shift(
                        "Night", "22:00", "06:00", List.of(new ShiftSettings.Break("02:00", "02:30"))))));
        assertThat(nights.shiftAt(la("2026-12-02T01:00")).orElseThrow().start()).isEqualTo(la("2026-12-01T22:00"));
        assertThat(nights.productive(la("2026-12-01T12:00"), la("2026-12-02T12:00")))
                .isEqualTo(Duration.ofMinutes(8 * 60 - 30));
    }

    @Test
    void refusesACalendarThatDoesNotHoldTogether() {
        assertThatThrownBy(() -> new ShiftSettings(
                        LA,
                        List.of(
                                new ShiftSettings.Shift("Day", "06:00", "14:30", null),
                                new ShiftSettings.Shift("Swing", "14:00", "22:00", null))))
                .hasMessage("Shifts 'Day' and 'Swing' overlap: a moment belongs to one shift");
        assertThatThrownBy(() -> new ShiftSettings.Shift("Day", "6 am", "14:30", null))
                .hasMessage("The start of Day is not a time of day (HH:mm): '6 am'");
        assertThatThrownBy(() -> new ShiftSettings.Shift(
                        "Day", "06:00", "14:30", List.of(new ShiftSettings.Break("15:00", "15:15"))))
                .hasMessage("Break 15:00–15:15 of shift 'Day' is not within the shift (06:00–14:30)");
        assertThatThrownBy(() -> new ShiftSettings(
                        LA,
                        List.of(
                                new ShiftSettings.Shift("Day", "06:00", "10:00", null),
                                new ShiftSettings.Shift("Day", "10:00", "14:00", null))))
                .hasMessage("Two shifts are named 'Day'");
    }
}
