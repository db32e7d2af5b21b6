package com.linetrace.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoppageTests {

    private final Stoppage stoppage =
            new Stoppage("TST-2", Duration.ofMinutes(20), Duration.ofHours(4), Duration.ofMinutes(12));

    @Test
    void stopsItsStationForItsLengthFromTheFirstStoppageOnAndThenEveryPeriod() {
        assertThat(stoppage.remaining("TST-2", Duration.ofMinutes(19))).isZero();
        assertThat(stoppage.remaining("TST-2", Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(12));
        assertThat(stoppage.remaining("TST-2", Duration.ofMinutes(27))).isEqualTo(Duration.ofMinutes(5));
        assertThat(stoppage.remaining("TST-2", Duration.ofMinutes(32))).isZero();
        assertThat(stoppage.remaining("TST-2", Duration.ofHours(4).plusMinutes(25)))
                .isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void leavesEveryOtherStationAlone() {
        assertThat(stoppage.remaining("TST-1", Duration.ofMinutes(25))).isZero();
        var never = new Stoppage(null, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1));
        assertThat(never.remaining("TST-2", Duration.ofSeconds(30))).isZero();
    }

    @Test
    void refusesAStoppageAsLongAsItsPeriod() {
        assertThatThrownBy(() -> new Stoppage("TST-2", Duration.ZERO, Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .hasMessageContaining("stoppage-length");
    }

    @Test
    void theDemoDaysFlightTestIsTheSlowestStationAndStillWithinTheTaktOfAMinute() {
        var slowest = DemoLine.ROUTE.stream()
                .max(java.util.Comparator.comparing(o -> o.work().shortest()))
                .orElseThrow();
        assertThat(slowest.station()).isEqualTo("TST-2");
        assertThat(DemoLine.ROUTE.stream().filter(o -> o != slowest))
                .allSatisfy(o -> assertThat(o.work().longest())
                        .isLessThanOrEqualTo(slowest.work().shortest()));
        assertThat(slowest.work().longest()).isLessThan(Duration.ofMinutes(1));
    }
}
