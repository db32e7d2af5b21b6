package com.linetrace.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo line {@code L1} as its stations know it: model {@code AX4-ENT}'s route, where each operation is done
 * and how long its work takes there. The simulator knows the line the way a person on the floor does; it reads
 * nothing of the plant but the answers to its scans.
 */
public final class DemoLine {

    public static final String LINE = "L1";
    public static final String MODEL = "AX4-ENT";
    public static final String REPAIR_STATION = "RPR-1";

    /** The ten operations of the route in order, with the parts each installs (the demo bill of materials). */
    public static final List<Operation> ROUTE = List.of(
            new Operation(10, "ASM-1", work(12, 25), List.of(), List.of(lot("FRM-AX4", 1), lot("ARM-AX4", 4))),
            new Operation(20, "ASM-1", work(15, 30), List.of(), List.of(lot("MTR-2207", 4), serial("ESC-40A", 4))),
            new Operation(
                    30,
                    "ASM-2",
                    work(15, 30),
                    List.of(),
                    List.of(serial("FC-H7", 1), serial("GNSS-M10", 1), serial("RL-900", 1))),
            new Operation(40, "ASM-2", work(8, 15), List.of(), List.of(serial("GMB-4K", 1))),
            new Operation(50, "FW-1", work(20, 35), List.of(), List.of()),
            new Operation(60, "KEY-1", work(5, 10), List.of(), List.of()),
            new Operation(
                    70, "TST-1", work(20, 40), List.of("IMU-CAL-FAIL", "MAG-CAL-FAIL", "GIMBAL-CAL-FAIL"), List.of()),
            new Operation(
                    80,
                    "TST-2",
                    // The flight test is the line's slowest station (its bottleneck), close to the takt of a minute.
                    work(44, 56),
                    List.of("MTR-CURRENT-HIGH", "VIBRATION-HIGH", "GNSS-NO-FIX", "RID-SERIAL-MISMATCH"),
                    List.of()),
            new Operation(90, "INS-1", work(10, 20), List.of(), List.of()),
            new Operation(100, "PCK-1", work(10, 20), List.of(), List.of(serial("BAT-6S", 1), lot("PROP-9", 1))));

    /** Where the flash fixture is, and the modules it flashes on every unit. */
    public static final String FLASH_STATION = "FW-1";

    public static final List<String> FIRMWARE_MODULES = List.of("FLIGHT_CONTROLLER", "ESC", "GIMBAL", "REMOTE_LINK");

    /** Where the key station is: the secure element makes its key pair, the station has it certified. */
    public static final String KEY_STATION = "KEY-1";

    /** Pack-out: the plant refuses it until provisioning has verified the unit's firmware and key. */
    public static final String PACK_STATION = "PCK-1";

    /** The lots of each lot-traced part on the shelves, a few of each. */
    public static final List<String> LOT_SUFFIXES = List.of("2611A", "2611B", "2612A");

    /** The kind of each station: a unit is accepted at any station of the kind its next operation needs. */
    public static final Map<String, String> KIND = Map.of(
            "ASM-1", "ASSEMBLY",
            "ASM-2", "ASSEMBLY",
            "FW-1", "FIRMWARE_FLASH",
            "KEY-1", "KEY_INJECTION",
            "TST-1", "TEST",
            "TST-2", "TEST",
            "INS-1", "INSPECTION",
            "PCK-1", "PACK",
            "RPR-1", "REPAIR");

    /** How long a repair takes at {@link #REPAIR_STATION}. */
    public static final Work REPAIR_WORK = work(40, 90);

    private DemoLine() {}

    /**
     * One operation of the route.
     *
     * @param seq its sequence number in the route
     * @param station the station of the demo line where it is done
     * @param work the shortest and longest time its work takes
     * @param defects the defect codes a unit can fail it with; empty where the simulator never fails a unit
     * @param parts the parts it installs, each scanned before the check-out
     */
    public record Operation(int seq, String station, Work work, List<String> defects, List<Part> parts) {
        public boolean canFail() {
            return !defects.isEmpty();
        }

        /** How many part labels its work scans. */
        public int partScans() {
            return parts.stream().mapToInt(Part::quantity).sum();
        }
    }

    /** A part of the bill of materials: traced by lot (a lot label) or by its own serial (its serial label). */
    public record Part(String partNumber, int quantity, boolean serialized) {}

    /**
     * The serial label of the {@code index}th (from 1) part of a kind in a unit: unique in the plant because the
     * unit's serial is, as a part serial must be (one part goes into one unit only).
     */
    public static String partSerial(String unitSerial, String partNumber, int index) {
        return unitSerial + "-" + partNumber.charAt(0) + index;
    }

    /** How many part labels one unit's route scans. */
    public static int partScansPerUnit() {
        return ROUTE.stream().mapToInt(Operation::partScans).sum();
    }

    /** The shortest and longest time a station's work on one unit takes. */
    public record Work(Duration shortest, Duration longest) {}

    private static Part lot(String partNumber, int quantity) {
        return new Part(partNumber, quantity, false);
    }

    private static Part serial(String partNumber, int quantity) {
        return new Part(partNumber, quantity, true);
    }

    private static Work work(int shortest, int longest) {
        return new Work(Duration.ofSeconds(shortest), Duration.ofSeconds(longest));
    }
}
