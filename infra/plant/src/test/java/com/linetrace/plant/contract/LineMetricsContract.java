package com.linetrace.plant.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.StationState;
import com.linetrace.metrics.api.UnknownLineException;
import com.linetrace.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * What {@link LineMetrics} promises, whichever binding answers: a line's performance with every field as metrics
 * computed it (instants, durations, shares and states alike), an unknown line refused as
 * {@link MetricsProblem#UNKNOWN_LINE}, and no answer without a person's role.
 */
abstract class LineMetricsContract {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** The binding under test. */
    abstract LineMetrics metrics();

    @BeforeEach
    void signIn() {
        TestTokens.signIn("manager", Roles.MANAGER);
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void answersALinesPerformanceAsMetricsComputedIt() {
        var line = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var serial = Serial.issue("CNTR", SEQUENCE.incrementAndGet(), 9);
        var at = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);
        for (var event : List.of(
                event(serial, line, "PCK-1", at, new UnitsArrived(100, "Pack", false, "PACK")),
                event(
                        serial,
                        line,
                        "PCK-1",
                        at.plusSeconds(42),
                        new WorkCompleted(100, "Pack", WorkCompleted.Result.PASS, List.of())),
                event(serial, line, "PCK-1", at.plusSeconds(42), new UnitsDeparted(100, null, null)),
                event(serial, line, "PCK-1", at.plusSeconds(42), new UnitCompleted("WO-000001")))) {
            TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(event));
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .ignoreException(UnknownLineException.class)
                .until(() -> metrics().line(LineId.parse(line)).lastUnitAt() != null);

        var performance = metrics().line(LineId.parse(line));

        assertThat(performance.line()).isEqualTo(line);
        assertThat(performance.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(performance.lastUnitAt()).isEqualTo(at.plusSeconds(42));
        assertThat(performance.lastEventAt()).isEqualTo(at.plusSeconds(42));
        assertThat(performance.last24Hours()).hasSize(24);
        assertThat(performance.last24Hours().stream()
                        .mapToInt(LinePerformance.HourlyOutput::completed)
                        .sum())
                .isEqualTo(1);
        assertThat(performance.firstPassYield()).isEqualTo(1.0);
        assertThat(performance.operations()).singleElement().satisfies(operation -> {
            assertThat(operation.operation()).isEqualTo(100);
            assertThat(operation.cycleTimeP50()).isEqualTo(Duration.ofSeconds(42));
            assertThat(operation.firstPassYield()).isEqualTo(1.0);
        });
        assertThat(performance.stations()).singleElement().satisfies(station -> {
            assertThat(station.station()).isEqualTo("PCK-1");
            assertThat(station.state()).isEqualTo(StationState.STANDBY_STARVED);
            assertThat(station.lastEventAt()).isEqualTo(at.plusSeconds(42));
        });
    }

    @Test
    void refusesALineItNeverHeardOfAsUnknown() {
        assertThatThrownBy(() -> metrics().line(LineId.parse("NEVER-HEARD")))
                .isInstanceOfSatisfying(
                        UnknownLineException.class, e -> assertThat(e.problem()).isEqualTo(MetricsProblem.UNKNOWN_LINE))
                .hasMessage("Metrics has no event of line NEVER-HEARD yet");
    }

    @Test
    void refusesAnEquipmentAccountWhichIsNoPersonsRole() {
        TestTokens.signIn("fixture-1", Roles.EQUIPMENT);

        assertThatThrownBy(() -> metrics().line(LineId.parse("L1"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesACallerWhoIsNotSignedIn() {
        TestTokens.signOut();

        assertThatThrownBy(() -> metrics().line(LineId.parse("L1"))).isInstanceOf(AuthenticationException.class);
    }

    private static EventEnvelope<UnitEvent> event(
            Serial serial, String line, String station, Instant at, UnitEvent body) {
        return new EventEnvelope<>(EventIds.next(), 1, at, "CA1", line, station, serial, "op1", body);
    }
}
