package com.linetrace.simulator;

import com.linetrace.simulator.DemoLine.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Decides, when a unit starts, everything its walk through the demo line will do: how long each station takes,
 * whether it fails a test (at most once, so no unit is ever held for failing too often) and with which defect,
 * the odd human slip before a step, which lot of each part is taken from the shelf, which flash goes wrong first
 * and whether the key station reuses the previous unit's key. Pure logic over one random generator: the same seed plans the same day.
 */
final class Planner {

    /** Base-34 alphabet of CTA-2063-A serials: digits and capitals without I and O. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** The manufacturer code and the length character come first and are never mistyped here. */
    private static final int SERIAL_START = 5;

    private final RandomGenerator random;
    private final double failureRate;
    private final double slipRate;
    private final double flashFaultRate;
    private final double keyReuseRate;

    Planner(RandomGenerator random, double failureRate, double slipRate, double flashFaultRate, double keyReuseRate) {
        this.random = random;
        this.failureRate = failureRate;
        this.slipRate = slipRate;
        this.flashFaultRate = flashFaultRate;
        this.keyReuseRate = keyReuseRate;
    }

    static Planner seeded(long seed, double failureRate, double slipRate) {
        return seeded(seed, failureRate, slipRate, 0, 0);
    }

    static Planner seeded(long seed, double failureRate, double slipRate, double flashFaultRate, double keyReuseRate) {
        return new Planner(new Random(seed), failureRate, slipRate, flashFaultRate, keyReuseRate);
    }

    List<Step> plan(String serial) {
        var testable = DemoLine.ROUTE.stream().filter(Operation::canFail).toList();
        var failing = random.nextDouble() < failureRate ? testable.get(random.nextInt(testable.size())) : null;
        var steps = new ArrayList<Step>();
        for (int i = 0; i < DemoLine.ROUTE.size(); i++) {
            var operation = DemoLine.ROUTE.get(i);
            if (random.nextDouble() < slipRate) {
                steps.add(slip(serial, i));
            }
            if (operation == failing) {
                var defect = operation
                        .defects()
                        .get(random.nextInt(operation.defects().size()));
                // Rework takes no parts: the first visit installs them, the retest only tests.
                steps.add(visit(operation, operation.station(), operation.work(), List.of(defect)));
                steps.add(visit(operation, DemoLine.REPAIR_STATION, DemoLine.REPAIR_WORK, List.of()));
            }
            steps.add(visit(operation, operation.station(), operation.work(), List.of()));
        }
        return steps;
    }

    private Step.Visit visit(Operation operation, String station, DemoLine.Work work, List<String> defects) {
        var lots = new LinkedHashMap<String, String>();
        for (var part : operation.parts()) {
            if (!part.serialized()) {
                lots.put(part.partNumber(), lot());
            }
        }
        Step.FlashFault flashFault = null;
        if (station.equals(DemoLine.FLASH_STATION) && random.nextDouble() < flashFaultRate) {
            flashFault = random.nextBoolean()
                    ? new Step.FlashFault(DemoLine.FIRMWARE_MODULES.getFirst(), Step.FlashFault.Kind.REVOKED_RELEASE)
                    : new Step.FlashFault(
                            DemoLine.FIRMWARE_MODULES.get(random.nextInt(DemoLine.FIRMWARE_MODULES.size())),
                            Step.FlashFault.Kind.READ_BACK_MISMATCH);
        }
        boolean reusesKey = station.equals(DemoLine.KEY_STATION) && random.nextDouble() < keyReuseRate;
        return new Step.Visit(
                operation.seq(),
                station,
                walk(),
                between(work.shortest(), work.longest()),
                defects,
                lots,
                flashFault,
                reusesKey);
    }

    private String lot() {
        return "L" + DemoLine.LOT_SUFFIXES.get(random.nextInt(DemoLine.LOT_SUFFIXES.size()));
    }

    /** The lot a part comes from in {@code visit}, or the first lot on the shelf for a part not planned for. */
    static String lotOf(Step.Visit visit, String partNumber) {
        return visit.lots().getOrDefault(partNumber, "L" + DemoLine.LOT_SUFFIXES.getFirst());
    }

    /**
     * A scan at a station the unit has already left and that cannot do its next operation (one of another kind:
     * any station of the right kind would accept it); otherwise a mistyped barcode at the right station.
     */
    private Step slip(String serial, int index) {
        var here = DemoLine.ROUTE.get(index).station();
        var left = DemoLine.ROUTE.subList(0, index).stream()
                .map(Operation::station)
                .filter(station -> !DemoLine.KIND.get(station).equals(DemoLine.KIND.get(here)))
                .distinct()
                .toList();
        if (!left.isEmpty() && random.nextBoolean()) {
            return new Step.WrongStation(left.get(random.nextInt(left.size())), walk());
        }
        return new Step.Misread(here, mistype(serial), walk());
    }

    /** One character of the manufacturer's serial replaced by another: the check character always catches it. */
    String mistype(String serial) {
        int at = SERIAL_START + random.nextInt(serial.length() - SERIAL_START);
        char typed;
        do {
            typed = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (typed == serial.charAt(at));
        return serial.substring(0, at) + typed + serial.substring(at + 1);
    }

    /** Carrying a unit to the next station takes a few seconds. */
    private Duration walk() {
        return between(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    private Duration between(Duration shortest, Duration longest) {
        return shortest.plusMillis(random.nextLong(longest.toMillis() - shortest.toMillis() + 1));
    }
}
