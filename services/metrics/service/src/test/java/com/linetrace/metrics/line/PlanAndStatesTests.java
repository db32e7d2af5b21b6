package com.linetrace.metrics.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.linetrace.metrics.api.StationState;
import com.linetrace.metrics.shift.ShiftCalendar;
import com.linetrace.metrics.shift.ShiftSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanAndStatesTests {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Duration STALL = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private static Instant la(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), LA).toInstant();
    }

    @Test
    void spreadsAWorkOrderEvenlyOverTheProductiveTimeUntilItIsDue() {
        var plan = new Plan(
                List.of(new Plan.WorkOrder(31, LocalDate.parse("2026-12-01"), la("2026-12-01T00:00"))),
                new ShiftCalendar(ShiftSettings.defaults()));
        // 15.5 productive hours that day: two units an hour, none in a break or at night.
        assertThat(plan.planned(la("2026-12-01T07:00"), la("2026-12-01T08:00"))).isCloseTo(2, within(1e-9));
        assertThat(plan.planned(la("2026-12-01T11:30"), la("2026-12-01T12:00"))).isZero();
        assertThat(plan.planned(la("2026-12-01T00:00"), la("2026-12-02T00:00"))).isCloseTo(31, within(1e-9));
        assertThat(plan.planned(la("2026-12-02T07:00"), la("2026-12-02T08:00"))).isZero();
    }

    @Test
    void plansAWorkOrderWithoutADueDateOverTheDayItWasReleasedOrWholeWhenNoShiftIsLeft() {
        var calendar = new ShiftCalendar(ShiftSettings.defaults());
        var plan = new Plan(
                List.of(
                        new Plan.WorkOrder(8, null, la("2026-12-01T19:00")),
                        new Plan.WorkOrder(5, null, la("2026-12-01T23:30"))),
                calendar);
        // 19:00–23:00 less the 19:30 break: 3.5 h for 8 units.
        assertThat(plan.planned(la("2026-12-01T20:00"), la("2026-12-01T21:00"))).isCloseTo(8 / 3.5, within(1e-9));
        assertThat(plan.planned(la("2026-12-01T23:00"), la("2026-12-02T00:00"))).isCloseTo(5, within(1e-9));
    }

    @Test
    void derivesEachStationStateFromWorkQueuesAndQuiet() {
        var recently = NOW.minusSeconds(30);
        var longAgo = NOW.minus(Duration.ofMinutes(11));
        assertThat(StationStates.of(1, 0, recently, 0, NOW, STALL, 3)).isEqualTo(StationState.PRODUCTIVE);
        assertThat(StationStates.of(0, 2, recently, 0, NOW, STALL, 3)).isEqualTo(StationState.PRODUCTIVE);
        assertThat(StationStates.of(1, 0, longAgo, 0, NOW, STALL, 3)).isEqualTo(StationState.UNSCHEDULED_DOWN);
        assertThat(StationStates.of(0, 1, longAgo, 0, NOW, STALL, 3)).isEqualTo(StationState.UNSCHEDULED_DOWN);
        assertThat(StationStates.of(0, 0, longAgo, 2, NOW, STALL, 3)).isEqualTo(StationState.STANDBY_STARVED);
        assertThat(StationStates.of(0, 0, recently, 3, NOW, STALL, 3)).isEqualTo(StationState.STANDBY_BLOCKED);
    }
}
