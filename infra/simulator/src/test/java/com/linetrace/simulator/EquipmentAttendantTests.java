package com.linetrace.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which unit events the demo equipment acts on; the work itself is checked against the whole plant. */
class EquipmentAttendantTests {

    private static final String BY_HAND = "LT00000017";
    private static final String SIMULATED = "LT0000002F";

    private final EquipmentAttendant attendant = new EquipmentAttendant(
            new DemoEquipment(DemoProvisioningKeysTests.KEYS, PlannerTests.settings(1)),
            PlannerTests.settings(1),
            Set.of(SIMULATED)::contains);

    @Test
    void attendsAUnitWalkedByHandArrivingAtTheFlashOrTheKeyStation() {
        var id = UUID.randomUUID();

        assertThat(attendant.arrival(event(id, "UnitsArrived", "FW-1", BY_HAND)))
                .contains(new EquipmentAttendant.Arrival(id, "FW-1", BY_HAND));
        assertThat(attendant.arrival(event(id, "UnitsArrived", "KEY-1", BY_HAND)))
                .contains(new EquipmentAttendant.Arrival(id, "KEY-1", BY_HAND));
    }

    @Test
    void leavesTheSimulatorsOwnUnitsToItsWalks() {
        assertThat(attendant.arrival(event(UUID.randomUUID(), "UnitsArrived", "FW-1", SIMULATED)))
                .isEmpty();
    }

    @Test
    void ignoresOtherStationsAndOtherEvents() {
        assertThat(attendant.arrival(event(UUID.randomUUID(), "UnitsArrived", "ASM-1", BY_HAND)))
                .isEmpty();
        assertThat(attendant.arrival(event(UUID.randomUUID(), "UnitsDeparted", "FW-1", BY_HAND)))
                .isEmpty();
    }

    @Test
    void attendsEachEventOnceWhenKafkaDeliversItAgain() {
        var first = attendant
                .arrival(event(UUID.randomUUID(), "UnitsArrived", "KEY-1", BY_HAND))
                .orElseThrow();
        var again = new EquipmentAttendant.Arrival(first.eventId(), first.station(), first.serial());
        var next = new EquipmentAttendant.Arrival(UUID.randomUUID(), first.station(), first.serial());

        assertThat(attendant.firstAttendance(first)).isTrue();
        assertThat(attendant.firstAttendance(again)).isFalse();
        assertThat(attendant.firstAttendance(next)).isTrue();
    }

    @Test
    void refusesRecordsItCannotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> attendant.arrival(null));
        assertThatIllegalArgumentException().isThrownBy(() -> attendant.arrival("{not json"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> attendant.arrival(event(UUID.randomUUID(), "UnitsArrived", "FW-1", "../../x")))
                .withMessageContaining("serial");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> attendant.arrival(
                        "{\"eventId\":\"nope\",\"type\":\"UnitsArrived\",\"station\":\"FW-1\",\"serial\":\"" + BY_HAND
                                + "\"}"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> attendant.arrival("{\"type\":\"UnitsArrived\",\"station\":\"KEY-1\",\"serial\":7}"));
    }

    /** A unit event as tracking publishes it (see the contracts' {@code EventCodec}). */
    private static String event(UUID id, String type, String station, String serial) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-03-02T08:00:00Z","plant":"P1",\
                "line":"L1","station":"%s","serial":"%s","actor":"operator",\
                "body":{"operation":50,"operationName":"Firmware","rework":false}}""".formatted(id, type, station, serial);
    }
}
