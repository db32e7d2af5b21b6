package com.linetrace.contracts.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.MalformedTextException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineEventTests {

    @Test
    void everyLineEventTypeHasAStableName() {
        assertThat(LineEvent.TYPES.values())
                .containsExactlyInAnyOrder(Arrays.stream(LineEvent.class.getPermittedSubclasses())
                        .map(c -> c.asSubclass(LineEvent.class))
                        .toArray(Class[]::new));
    }

    @Test
    void roundTripsAReleasedWorkOrderKeyedByItsLineWithoutASerial() {
        var event = released(new WorkOrderReleased("WO-000042", "AX4-ENT", 24, LocalDate.parse("2026-12-03")));

        var json = new String(LineEvent.CODEC.encode(event), StandardCharsets.UTF_8);

        assertThat(json)
                .contains(
                        "\"type\":\"WorkOrderReleased\"",
                        "\"line\":\"L1\"",
                        "\"quantity\":24",
                        "\"dueDate\":\"2026-12-03\"")
                .doesNotContain("serial", "station");
        assertThat(LineEvent.CODEC.decode(LineEvent.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void roundTripsAWorkOrderWithoutADueDate() {
        var event = released(new WorkOrderReleased("WO-000043", "AX4-ENT", 1, null));

        assertThat(LineEvent.CODEC.decode(LineEvent.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void roundTripsAnAndonAlertsRaisingAcknowledgementAndClearing() {
        var alert = EventIds.next();
        var raised = new LineEventEnvelope(
                EventIds.next(),
                LineEvent.SCHEMA_VERSION,
                Instant.parse("2026-12-01T17:00:00.123Z"),
                "CA1",
                "L1",
                "TST-1",
                "metrics",
                new AndonRaised(alert, AndonRule.STATION_STALLED, "TST-1", "TST-1 has had no event for 10 min"));
        var json = new String(LineEvent.CODEC.encode(raised), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"AndonRaised\"", "\"rule\":\"STATION_STALLED\"", "\"station\":\"TST-1\"");
        assertThat(LineEvent.CODEC.decode(LineEvent.CODEC.encode(raised))).isEqualTo(raised);
        var acknowledged = released(new AndonAcknowledged(alert, "Motor swapped, back in 5 min"));
        assertThat(LineEvent.CODEC.decode(LineEvent.CODEC.encode(acknowledged))).isEqualTo(acknowledged);
        var cleared = released(new AndonCleared(alert, "TST-1 works again"));
        assertThat(LineEvent.CODEC.decode(LineEvent.CODEC.encode(cleared))).isEqualTo(cleared);
        assertThatThrownBy(() -> new AndonAcknowledged(alert, "")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void refusesAWorkOrderOfNoUnits() {
        assertThatThrownBy(() -> new WorkOrderReleased("WO-000044", "AX4-ENT", 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must be at least 1");
    }

    @Test
    void saysWhatIsWrongWithAnUnreadableLineEvent() {
        assertThatThrownBy(() ->
                        LineEvent.CODEC.decode("{\"type\":\"StationStateChanged\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("Unknown event type 'StationStateChanged'");
        var noLine = new String(
                        LineEvent.CODEC.encode(released(new WorkOrderReleased("WO-000045", "M", 2, null))),
                        StandardCharsets.UTF_8)
                .replace("\"line\":\"L1\",", "");
        assertThatThrownBy(() -> LineEvent.CODEC.decode(noLine.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("Missing field 'line'");
        assertThatThrownBy(() -> new WorkOrderReleased("WO-1\u0000", "M", 2, null))
                .isInstanceOf(MalformedTextException.class);
    }

    private static LineEventEnvelope released(LineEvent body) {
        return new LineEventEnvelope(
                EventIds.next(),
                LineEvent.SCHEMA_VERSION,
                Instant.parse("2026-12-01T17:00:00.123Z"),
                "CA1",
                "L1",
                null,
                "supervisor",
                body);
    }
}
