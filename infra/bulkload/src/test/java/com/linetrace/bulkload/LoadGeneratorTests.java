package com.linetrace.bulkload;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitScrapped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadGeneratorTests {

    record Sent(String topic, String key, byte[] value) {}

    @Test
    void makesTheSameEventsFromTheSameSeedAndOthersFromAnother() {
        var first = load(options(300, 51, 7));
        var again = load(options(300, 51, 7));
        var other = load(options(300, 51, 8));

        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).value()).isEqualTo(first.get(i).value());
        }
        assertThat(other.getFirst().value()).isNotEqualTo(first.getFirst().value());
    }

    @Test
    void writesEachSerialsEventsInAnOrderTrackingCouldHaveWrittenThem() {
        var sent = load(options(1_500, 51, 1));
        var bySerial = new HashMap<String, List<UnitEvent>>();
        for (var record : sent) {
            if (record.topic().equals(Topics.UNIT_EVENTS)) {
                var event = UnitEvent.CODEC.decode(record.value());
                assertThat(event.serial().value()).isEqualTo(record.key());
                bySerial.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.body());
            }
        }

        assertThat(bySerial).hasSize(1_500);
        bySerial.forEach((serial, events) ->
                assertThat(UnitOrder.problemWith(events)).as(serial).isNull());
        // Some fail a test and are repaired, a few are held or scrapped, the last ones are still in work.
        var all = bySerial.values().stream().flatMap(List::stream).toList();
        assertThat(all).filteredOn(ReworkRouted.class::isInstance).hasSizeGreaterThan(50);
        assertThat(all).filteredOn(UnitHeld.class::isInstance).isNotEmpty();
        assertThat(all).filteredOn(UnitScrapped.class::isInstance).isNotEmpty();
        long completed = all.stream().filter(UnitCompleted.class::isInstance).count();
        assertThat(completed).isBetween(1_350L, 1_499L);
    }

    @Test
    void sizesTheLoadInEventsPerUnitWithAboutFiveProvisioningEventsEach() {
        for (int eventsPerUnit : new int[] {35, 51, 70}) {
            var sent = load(options(1_000, eventsPerUnit, 3));
            long unitEvents = sent.stream()
                    .filter(s -> s.topic().equals(Topics.UNIT_EVENTS))
                    .count();
            long provisioning = sent.size() - unitEvents;
            assertThat(unitEvents / 1_000.0)
                    .as("unit events a unit")
                    .isBetween(eventsPerUnit - 2.0, eventsPerUnit + 3.0);
            assertThat(provisioning / 1_000.0).as("provisioning events a unit").isBetween(4.8, 5.3);
        }
    }

    @Test
    void issuesValidSerialsUniquePartSerialsAndKeysAndLotsOfTheirSize() {
        var options = options(3_000, 51, 1);
        var plan = new LoadPlan(options);
        var sent = load(options);
        var partSerials = new HashSet<String>();
        var fingerprints = new HashSet<String>();
        Map<String, Set<String>> unitsOfLot = new HashMap<>();
        for (var record : sent) {
            assertThat(Serial.problemWith(record.key())).isNull();
            if (record.topic().equals(Topics.UNIT_EVENTS)) {
                if (UnitEvent.CODEC.decode(record.value()).body() instanceof MaterialsInstalled m) {
                    if (m.partSerial() != null) {
                        assertThat(partSerials.add(m.partNumber() + "/" + m.partSerial()))
                                .isTrue();
                    } else {
                        unitsOfLot
                                .computeIfAbsent(m.partNumber() + "/" + m.lot(), k -> new HashSet<>())
                                .add(record.key());
                    }
                }
            } else {
                var body = ProvisioningEvent.CODEC.decode(record.value()).body();
                if (body instanceof KeyInjectionVerified key) {
                    assertThat(fingerprints.add(key.fingerprint())).isTrue();
                }
                if (body instanceof FirmwareVerified firmware) {
                    assertThat(firmware.model()).isEqualTo(Route.MODEL);
                }
            }
        }
        assertThat(fingerprints).hasSizeGreaterThan(2_900);
        var full = plan.fullLots("FRM-AX4");
        assertThat(full).isNotEmpty();
        // A full lot reaches lot-units units, less the few scrapped before its operation or still waiting for it.
        for (var lot : full) {
            assertThat(unitsOfLot.get("FRM-AX4/" + lot)).hasSizeBetween(990, 1_000);
        }
    }

    static LoadOptions options(int units, int eventsPerUnit, long seed) {
        var d = LoadOptions.defaults();
        return new LoadOptions(
                units,
                eventsPerUnit,
                seed,
                d.start(),
                d.unitInterval(),
                1_000,
                d.firstSequence(),
                d.manufacturerCode());
    }

    static List<Sent> load(LoadOptions options) {
        var sent = new ArrayList<Sent>();
        new LoadGenerator(new LoadPlan(options)).run((t, k, v) -> sent.add(new Sent(t, k, v)), c -> {});
        return sent;
    }
}
