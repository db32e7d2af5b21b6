package com.linetrace.bulkload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The route the load's units follow: the demo plant's AX4-ENT route as tracking publishes it (operation, name, station
 * and its kind, the parts each installs), with the defect codes a unit can fail each test with and how often.
 *
 * <p>A unit that passes everything first time has {@link #FIXED_EVENTS} unit events plus one per part scan. The demo
 * bill of materials has 19 scans (51 events a unit); {@link #scaled} trims it or adds lot-traced fasteners and
 * harnesses at the assembly operations, so a load can be sized in events per unit.
 */
record Route(List<Operation> operations) {

    static final String PLANT = "CA1";
    static final String LINE = "L1";
    static final String MODEL = "AX4-ENT";
    static final int VERSION = 1;
    static final String REPAIR_STATION = "RPR-1";
    static final String REPAIR_KIND = "REPAIR";
    static final int MAX_FAILURES = 3;

    /** UnitsInitialized, UnitCompleted, and UnitsArrived, WorkCompleted, UnitsDeparted at each of ten operations. */
    static final int FIXED_EVENTS = 32;

    /** The demo line's bill of materials, in the order its labels are scanned. */
    private static final List<Operation> DEMO = List.of(
            new Operation(
                    10,
                    "Frame and arms",
                    "ASM-1",
                    "ASSEMBLY",
                    work(12, 25),
                    parts(lot("FRM-AX4", 1), lot("ARM-AX4", 4)),
                    none()),
            new Operation(
                    20,
                    "Propulsion",
                    "ASM-1",
                    "ASSEMBLY",
                    work(15, 30),
                    parts(lot("MTR-2207", 4), serial("ESC-40A", "ES", 4)),
                    none()),
            new Operation(
                    30,
                    "Avionics",
                    "ASM-2",
                    "ASSEMBLY",
                    work(15, 30),
                    parts(serial("FC-H7", "FC", 1), serial("GNSS-M10", "GN", 1), serial("RL-900", "RL", 1)),
                    none()),
            new Operation(
                    40, "Gimbal camera", "ASM-2", "ASSEMBLY", work(8, 15), parts(serial("GMB-4K", "GM", 1)), none()),
            new Operation(50, "Firmware", "FW-1", "FIRMWARE_FLASH", work(20, 35), List.of(), none()),
            new Operation(60, "Identity", "KEY-1", "KEY_INJECTION", work(5, 10), List.of(), none()),
            new Operation(
                    70,
                    "Calibration",
                    "TST-1",
                    "TEST",
                    work(20, 40),
                    List.of(),
                    new Defects(0.04, List.of("IMU-CAL-FAIL", "MAG-CAL-FAIL", "GIMBAL-CAL-FAIL"))),
            new Operation(
                    80,
                    "Tethered flight test",
                    "TST-2",
                    "TEST",
                    work(30, 50),
                    List.of(),
                    new Defects(
                            0.04, List.of("MTR-CURRENT-HIGH", "VIBRATION-HIGH", "GNSS-NO-FIX", "RID-SERIAL-MISMATCH"))),
            new Operation(
                    90,
                    "Final inspection",
                    "INS-1",
                    "INSPECTION",
                    work(10, 20),
                    List.of(),
                    new Defects(0.01, List.of("LABEL-MISSING", "SCREW-TORQUE", "FINISH-SCRATCH"))),
            new Operation(
                    100,
                    "Pack",
                    "PCK-1",
                    "PACK",
                    work(10, 20),
                    parts(serial("BAT-6S", "BT", 1), lot("PROP-9", 1)),
                    none()));

    /** Lot-traced parts added, one scan each in turn, when more events per unit are asked for than the demo has. */
    private static final List<Extra> EXTRAS = List.of(
            new Extra(10, "SCR-M3"), new Extra(20, "CBL-PWR"), new Extra(30, "HRN-AV"), new Extra(40, "DMP-GMB"));

    static Route demo() {
        return new Route(DEMO);
    }

    /** The demo route with as many part scans as make {@code eventsPerUnit} events for a unit passing first time. */
    static Route scaled(int eventsPerUnit) {
        if (eventsPerUnit < FIXED_EVENTS) {
            throw new IllegalArgumentException("A unit has at least " + FIXED_EVENTS
                    + " events (ten operations without parts), not " + eventsPerUnit);
        }
        int scans = eventsPerUnit - FIXED_EVENTS;
        var operations = new ArrayList<Operation>();
        int left = scans;
        for (var operation : DEMO) {
            var parts = new ArrayList<Part>();
            for (var part : operation.parts()) {
                int quantity = Math.min(part.quantity(), left);
                if (quantity > 0) {
                    parts.add(new Part(part.partNumber(), part.serialCode(), quantity));
                    left -= quantity;
                }
            }
            operations.add(operation.withParts(parts));
        }
        for (int extra = 0; left > 0; extra++, left--) {
            var add = EXTRAS.get(extra % EXTRAS.size());
            int index = indexOf(operations, add.operation());
            var operation = operations.get(index);
            var parts = new ArrayList<>(operation.parts());
            int existing = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).partNumber().equals(add.partNumber())) {
                    existing = i;
                }
            }
            if (existing < 0) {
                parts.add(new Part(add.partNumber(), null, 1));
            } else {
                var part = parts.get(existing);
                parts.set(existing, new Part(part.partNumber(), null, part.quantity() + 1));
            }
            operations.set(index, operation.withParts(parts));
        }
        return new Route(List.copyOf(operations));
    }

    /** Part scans of a unit passing first time. */
    int scans() {
        return operations.stream()
                .flatMap(operation -> operation.parts().stream())
                .mapToInt(Part::quantity)
                .sum();
    }

    private static int indexOf(List<Operation> operations, int seq) {
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).seq() == seq) {
                return i;
            }
        }
        throw new IllegalStateException("No operation " + seq);
    }

    /**
     * One operation of the route.
     *
     * @param work the shortest and longest time its work takes
     * @param parts what it installs, scanned in this order
     * @param defects how often a unit fails it and with what
     */
    record Operation(int seq, String name, String station, String kind, Work work, List<Part> parts, Defects defects) {

        Operation withParts(List<Part> other) {
            return new Operation(seq, name, station, kind, work, List.copyOf(other), defects);
        }
    }

    /** A part of the bill of materials: traced by lot, or by its own serial when {@code serialCode} is set. */
    record Part(
            String partNumber,
            @org.jspecify.annotations.Nullable String serialCode,
            int quantity) {
        boolean serialized() {
            return serialCode != null;
        }
    }

    /** The share of units failing an operation (first try) and the defect codes they fail with. */
    record Defects(double rate, List<String> codes) {}

    record Work(Duration shortest, Duration longest) {}

    private record Extra(int operation, String partNumber) {}

    private static List<Part> parts(Part... parts) {
        return List.of(parts);
    }

    private static Part lot(String partNumber, int quantity) {
        return new Part(partNumber, null, quantity);
    }

    private static Part serial(String partNumber, String serialCode, int quantity) {
        return new Part(partNumber, serialCode, quantity);
    }

    private static Defects none() {
        return new Defects(0, List.of());
    }

    private static Work work(int shortestSeconds, int longestSeconds) {
        return new Work(Duration.ofSeconds(shortestSeconds), Duration.ofSeconds(longestSeconds));
    }
}
