package com.linetrace.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlannerTests {

    static final List<String> SERIALS = IntStream.range(0, 2000)
            .mapToObj(n -> Serial.issue("LTRC", 1000 + n, 9).value())
            .toList();

    @Test
    void plansTheSameDayFromTheSameSeed() {
        var first = Planner.seeded(42, 0.2, 0.1);
        var second = Planner.seeded(42, 0.2, 0.1);
        for (var serial : SERIALS.subList(0, 50)) {
            assertThat(second.plan(serial)).isEqualTo(first.plan(serial));
        }
    }

    @Test
    void takesEveryUnitThroughTheTenOperationsInOrderEachEndingWithAPass() {
        var planner = Planner.seeded(1, 0.3, 0.3);
        for (var serial : SERIALS.subList(0, 200)) {
            var passes = visits(planner.plan(serial)).stream()
                    .filter(Step.Visit::pass)
                    .filter(visit -> !visit.station().equals(DemoLine.REPAIR_STATION))
                    .toList();
            assertThat(passes).extracting(Step.Visit::seq).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
            assertThat(passes)
                    .extracting(Step.Visit::station)
                    .containsExactly(
                            "ASM-1", "ASM-1", "ASM-2", "ASM-2", "FW-1", "KEY-1", "TST-1", "TST-2", "INS-1", "PCK-1");
        }
    }

    @Test
    void failsAUnitOnlyAtTestWithARealDefectThenRepairsItAndTestsItAgain() {
        var planner = Planner.seeded(7, 1.0, 0);
        for (var serial : SERIALS.subList(0, 100)) {
            var visits = visits(planner.plan(serial));
            var failed = visits.stream().filter(visit -> !visit.pass()).toList();
            assertThat(failed).hasSize(1);
            var fail = failed.getFirst();
            assertThat(fail.station()).isIn("TST-1", "TST-2");
            assertThat(fail.defects())
                    .singleElement()
                    .isIn(
                            "IMU-CAL-FAIL",
                            "MAG-CAL-FAIL",
                            "GIMBAL-CAL-FAIL",
                            "MTR-CURRENT-HIGH",
                            "VIBRATION-HIGH",
                            "GNSS-NO-FIX",
                            "RID-SERIAL-MISMATCH");
            int at = visits.indexOf(fail);
            assertThat(visits.get(at + 1)).satisfies(repair -> {
                assertThat(repair.station()).isEqualTo(DemoLine.REPAIR_STATION);
                assertThat(repair.seq()).isEqualTo(fail.seq());
                assertThat(repair.pass()).isTrue();
            });
            assertThat(visits.get(at + 2)).satisfies(retest -> {
                assertThat(retest.station()).isEqualTo(fail.station());
                assertThat(retest.pass()).isTrue();
            });
        }
    }

    @Test
    void failsAboutTheConfiguredShareOfUnits() {
        var planner = Planner.seeded(3, 0.08, 0);
        long failing = SERIALS.stream()
                .filter(serial -> visits(planner.plan(serial)).stream().anyMatch(visit -> !visit.pass()))
                .count();
        assertThat(failing).isBetween(120L, 200L);
    }

    @Test
    void mistypesOneCharacterOfTheManufacturersSerialSoTheCheckCharacterRefusesIt() {
        var planner = Planner.seeded(5, 0, 1.0);
        for (var serial : SERIALS.subList(0, 200)) {
            var mistyped = planner.mistype(serial);
            assertThat(mistyped).hasSameSizeAs(serial).startsWith(serial.substring(0, 5));
            assertThat(IntStream.range(0, serial.length()).filter(i -> serial.charAt(i) != mistyped.charAt(i)))
                    .hasSize(1);
            assertThat(Serial.problemWith(mistyped)).contains("check character");
        }
    }

    @Test
    void slipsOnlyAtStationsTheUnitHasLeftThatCannotDoItsNextOperation() {
        var planner = Planner.seeded(11, 0.5, 1.0);
        int wrongStations = 0;
        for (var serial : SERIALS.subList(0, 200)) {
            var steps = planner.plan(serial);
            var visited = new ArrayList<String>();
            for (int i = 0; i < steps.size(); i++) {
                switch (steps.get(i)) {
                    case Step.Visit visit -> visited.add(visit.station());
                    case Step.WrongStation wrong -> {
                        wrongStations++;
                        assertThat(visited).contains(wrong.station());
                        var next = (Step.Visit) steps.get(i + 1);
                        assertThat(DemoLine.KIND.get(wrong.station())).isNotEqualTo(DemoLine.KIND.get(next.station()));
                        var later = visits(steps.subList(i + 1, steps.size())).stream()
                                .map(Step.Visit::station)
                                .toList();
                        assertThat(later).doesNotContain(wrong.station());
                    }
                    case Step.Misread misread -> assertThat(misread.barcode()).isNotEqualTo(serial);
                }
            }
        }
        assertThat(wrongStations).isPositive();
    }

    @Test
    void takesRealisticTimesThatTheSpeedShortens() {
        var planner = Planner.seeded(13, 0.1, 0.1);
        for (var step : planner.plan(SERIALS.getFirst())) {
            assertThat(step.walk()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
            if (step instanceof Step.Visit visit) {
                assertThat(visit.work()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(90));
            }
        }
        var fast = settings(100);
        assertThat(fast.scaled(Duration.ofSeconds(60))).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void takesEachLotTracedPartFromOneOfTheDemoLotsOfThatOperation() {
        var planner = Planner.seeded(17, 0.3, 0.1);
        var lotsSeen = new HashSet<String>();
        for (var serial : SERIALS.subList(0, 100)) {
            for (var visit : visits(planner.plan(serial))) {
                var operation = DemoLine.ROUTE.stream()
                        .filter(o -> o.seq() == visit.seq())
                        .findFirst()
                        .orElseThrow();
                var lotTraced = operation.parts().stream()
                        .filter(part -> !part.serialized())
                        .map(DemoLine.Part::partNumber)
                        .toList();
                assertThat(visit.lots().keySet()).containsExactlyInAnyOrderElementsOf(lotTraced);
                assertThat(visit.lots().values())
                        .allSatisfy(lot -> assertThat(lot).matches("L(2611A|2611B|2612A)"));
                lotsSeen.addAll(visit.lots().values());
            }
        }
        assertThat(lotsSeen).hasSize(3);
    }

    @Test
    void givesEveryPartSerialToOneUnitOnly() {
        var labels = new HashSet<String>();
        for (var serial : SERIALS) {
            for (var part : List.of("ESC-40A", "ESC-40A", "FC-H7", "BAT-6S")) {
                for (int n = 1; n <= 4; n++) {
                    var label = part + ";S=" + DemoLine.partSerial(serial, part, n);
                    assertThat(label.substring(label.indexOf("S=") + 2)).matches("[A-Z0-9][A-Z0-9._/-]{0,39}");
                    labels.add(label);
                }
            }
        }
        assertThat(labels).hasSize(SERIALS.size() * 3 * 4);
    }

    @Test
    void flashesWrongFirstOnlyAtTheFixtureForAboutTheConfiguredShareOfUnits() {
        var planner = Planner.seeded(19, 0.2, 0.1, 0.1, 0);
        var kinds = new HashSet<Step.FlashFault.Kind>();
        int faulty = 0;
        for (var serial : SERIALS) {
            var faults = visits(planner.plan(serial)).stream()
                    .filter(visit -> visit.flashFault() != null)
                    .toList();
            assertThat(faults).hasSizeLessThanOrEqualTo(1);
            for (var visit : faults) {
                faulty++;
                var fault = visit.flashFault();
                assertThat(visit.station()).isEqualTo(DemoLine.FLASH_STATION);
                assertThat(fault.module()).isIn(DemoLine.FIRMWARE_MODULES);
                if (fault.kind() == Step.FlashFault.Kind.REVOKED_RELEASE) {
                    // Only the flight controller has an older, revoked release.
                    assertThat(fault.module()).isEqualTo("FLIGHT_CONTROLLER");
                }
                kinds.add(fault.kind());
            }
        }
        assertThat(faulty).isBetween(150, 250);
        assertThat(kinds).containsExactlyInAnyOrder(Step.FlashFault.Kind.values());
    }

    @Test
    void reusesAPreviousUnitsKeyOnlyAtTheKeyStationAndRarely() {
        var planner = Planner.seeded(23, 0.2, 0.1, 0, 0.01);
        int reusing = 0;
        for (var serial : SERIALS) {
            var reuses = visits(planner.plan(serial)).stream()
                    .filter(Step.Visit::reusesKey)
                    .toList();
            assertThat(reuses).allSatisfy(visit -> assertThat(visit.station()).isEqualTo(DemoLine.KEY_STATION));
            reusing += reuses.size();
        }
        assertThat(reusing).isBetween(5, 40);
    }

    @Test
    void plansNoEquipmentFaultsUnlessAskedTo() {
        var planner = Planner.seeded(29, 0.5, 0.5);
        for (var serial : SERIALS.subList(0, 300)) {
            assertThat(visits(planner.plan(serial)))
                    .allSatisfy(visit -> assertThat(visit.flashFault()).isNull())
                    .noneMatch(Step.Visit::reusesKey);
        }
    }

    @Test
    void refusesSettingsThatCannotRun() {
        assertThatThrownBy(() -> settings(0)).hasMessageContaining("speed");
        assertThatThrownBy(() -> settings(1, 1.5)).hasMessageContaining("flash-fault-rate");
    }

    static SimulatorSettings settings(double speed) {
        return settings(speed, 0.05);
    }

    static SimulatorSettings settings(double speed, double flashFaultRate) {
        return new SimulatorSettings(
                true,
                true,
                true,
                null,
                "operator",
                "operator",
                "supervisor",
                "supervisor",
                "engineer",
                "engineer",
                "quality",
                "quality",
                "FIX-FW-1",
                "KEY-1",
                Duration.ofSeconds(60),
                speed,
                0.08,
                0.03,
                flashFaultRate,
                0.01,
                24,
                null,
                "TST-2",
                Duration.ofMinutes(20),
                Duration.ofHours(4),
                Duration.ofMinutes(12));
    }

    static List<Step.Visit> visits(List<Step> steps) {
        return steps.stream()
                .filter(Step.Visit.class::isInstance)
                .map(Step.Visit.class::cast)
                .toList();
    }
}
