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

    /** The ten operations of the route in order. */
    public static final List<Operation> ROUTE = List.of(
            new Operation(10, "ASM-1", work(12, 25), List.of()),
            new Operation(20, "ASM-1", work(15, 30), List.of()),
            new Operation(30, "ASM-2", work(15, 30), List.of()),
            new Operation(40, "ASM-2", work(8, 15), List.of()),
            new Operation(50, "FW-1", work(20, 35), List.of()),
            new Operation(60, "KEY-1", work(5, 10), List.of()),
            new Operation(70, "TST-1", work(20, 40), List.of("IMU-CAL-FAIL", "MAG-CAL-FAIL", "GIMBAL-CAL-FAIL")),
            new Operation(
                    80,
                    "TST-2",
                    work(30, 50),
                    List.of("MTR-CURRENT-HIGH", "VIBRATION-HIGH", "GNSS-NO-FIX", "RID-SERIAL-MISMATCH")),
            new Operation(90, "INS-1", work(10, 20), List.of()),
            new Operation(100, "PCK-1", work(10, 20), List.of()));

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
     */
    public record Operation(int seq, String station, Work work, List<String> defects) {
        public boolean canFail() {
            return !defects.isEmpty();
        }
    }

    /** The shortest and longest time a station's work on one unit takes. */
    public record Work(Duration shortest, Duration longest) {}

    private static Work work(int shortest, int longest) {
        return new Work(Duration.ofSeconds(shortest), Duration.ofSeconds(longest));
    }
}
