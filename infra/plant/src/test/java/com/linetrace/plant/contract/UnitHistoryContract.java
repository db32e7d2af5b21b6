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
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.testing.TopicProbe;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnknownSerialException;
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
 * What {@link UnitHistory} promises, whichever binding answers: a unit's events oldest first, a line's latest newest
 * first, an unknown serial refused as {@link TraceProblem#UNKNOWN_SERIAL}, and no answer without a plant role.
 */
abstract class UnitHistoryContract {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** The binding under test. */
    abstract UnitHistory history();

    @BeforeEach
    void signIn() {
        TestTokens.signIn("quality", Roles.QUALITY);
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void answersAUnitsEventsOldestFirst() {
        var serial = newSerial();
        var line = newLine();
        var arrived = event(serial, line, Instant.now(), new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY"));
        var completed = event(
                serial,
                line,
                arrived.occurredAt().plusSeconds(1),
                new WorkCompleted(10, "Frame and arms", WorkCompleted.Result.PASS, List.of()));
        recorded(serial, completed, arrived);

        var life = history().history(serial);

        assertThat(life).extracting(HistoryEntry::eventId).containsExactly(arrived.eventId(), completed.eventId());
        assertThat(life.getLast()).satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("WorkCompleted");
            assertThat(entry.summary()).isEqualTo("PASS at op 10 Frame and arms");
            assertThat(entry.serial()).isEqualTo(serial.value());
            assertThat(entry.line()).isEqualTo(line);
            assertThat(entry.station()).isEqualTo("ASM-1");
            assertThat(entry.actor()).isEqualTo("op1");
            assertThat(entry.occurredAt()).isEqualTo(completed.occurredAt());
        });
    }

    @Test
    void refusesASerialItNeverHeardOfAsUnknown() {
        var serial = newSerial();

        assertThatThrownBy(() -> history().history(serial))
                .isInstanceOfSatisfying(
                        UnknownSerialException.class,
                        e -> assertThat(e.problem()).isEqualTo(TraceProblem.UNKNOWN_SERIAL))
                .hasMessage("No unit with serial " + serial.value() + " is known to trace");
    }

    @Test
    void answersALinesLatestEventsNewestFirstUpToTheLimit() {
        var line = newLine();
        var start = Instant.now();
        var first = event(newSerial(), line, start, arrival());
        var second = event(newSerial(), line, start.plusSeconds(1), arrival());
        var third = event(newSerial(), line, start.plusSeconds(2), arrival());
        recorded(first.serial(), first);
        recorded(second.serial(), second);
        recorded(third.serial(), third);

        assertThat(history().latest(LineId.parse(line), 2))
                .extracting(HistoryEntry::eventId)
                .containsExactly(third.eventId(), second.eventId());
        assertThat(history().latest(LineId.parse(line), 0))
                .extracting(HistoryEntry::eventId)
                .containsExactly(third.eventId());
        assertThat(history().latest(LineId.parse(newLine()), 20)).isEmpty();
    }

    @Test
    void refusesAnEquipmentAccountWhichIsNoPersonsRole() {
        TestTokens.signIn("fixture-1", Roles.EQUIPMENT);

        assertThatThrownBy(() -> history().latest(LineId.parse("L1"), 5)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesACallerWhoIsNotSignedIn() {
        TestTokens.signOut();

        assertThatThrownBy(() -> history().latest(LineId.parse("L1"), 5)).isInstanceOf(AuthenticationException.class);
    }

    /** Publishes the events as tracking would, and waits until this binding shows every one of them. */
    private void recorded(Serial serial, EventEnvelope<?>... events) {
        for (var event : events) {
            @SuppressWarnings("unchecked")
            var unitEvent = (EventEnvelope<UnitEvent>) event;
            TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(unitEvent));
        }
        // On this thread: the signed-in user is in its security context.
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .ignoreException(UnknownSerialException.class)
                .until(() -> history().history(serial).size() == events.length);
    }

    private static UnitsArrived arrival() {
        return new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY");
    }

    private static EventEnvelope<UnitEvent> event(Serial serial, String line, Instant at, UnitEvent body) {
        return new EventEnvelope<>(
                EventIds.next(), 1, at.truncatedTo(ChronoUnit.MICROS), "CA1", line, "ASM-1", serial, "op1", body);
    }

    private static Serial newSerial() {
        return Serial.issue("CNTR", SEQUENCE.incrementAndGet(), 9);
    }

    private static String newLine() {
        return "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
