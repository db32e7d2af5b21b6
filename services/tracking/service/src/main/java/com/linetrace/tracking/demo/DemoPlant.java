package com.linetrace.tracking.demo;

import com.linetrace.contracts.LineId;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Part;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.workorder.WorkOrders;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo plant on first start when {@code linetrace.tracking.demo-data=true}: line L1 with a station
 * per kind of work, the enterprise quadcopter AX4-ENT with its ten-step route and bill of materials (pack-out
 * requires verified firmware of four modules and a key injection), and a work order of 24 units.
 */
@Component
class DemoPlant implements ApplicationRunner {

    static final String LINE = "L1";
    static final String MODEL = "AX4-ENT";

    private static final Logger log = LoggerFactory.getLogger(DemoPlant.class);

    private final MasterData masterData;
    private final WorkOrders workOrders;
    private final TransactionTemplate transactions;

    DemoPlant(MasterData masterData, WorkOrders workOrders, TransactionTemplate transactions) {
        this.masterData = masterData;
        this.workOrders = workOrders;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (masterData.hasLines()) {
                return;
            }
            createMasterData();
            var released = workOrders.release(
                    MODEL, LineId.parse(LINE), 24, LocalDate.now().plusDays(2), "demo");
            log.info(
                    "Demo plant created: line {}, model {}, work order {} with serials {} … {}",
                    LINE,
                    MODEL,
                    released.number(),
                    released.serials().getFirst(),
                    released.serials().getLast());
        });
    }

    private void createMasterData() {
        masterData.addLine(LINE, "Final assembly line 1");
        for (var station : List.of(
                new Station("ASM-1", LINE, "ASSEMBLY", 10, "Assembly bench 1"),
                new Station("ASM-2", LINE, "ASSEMBLY", 20, "Assembly bench 2"),
                new Station("FW-1", LINE, "FIRMWARE_FLASH", 50, "Firmware flash fixture"),
                new Station("KEY-1", LINE, "KEY_INJECTION", 60, "Key injection station"),
                new Station("TST-1", LINE, "TEST", 70, "Calibration rig"),
                new Station("TST-2", LINE, "TEST", 80, "Tethered flight cage"),
                new Station("INS-1", LINE, "INSPECTION", 90, "Final inspection"),
                new Station("PCK-1", LINE, "PACK", 100, "Pack-out"),
                new Station("RPR-1", LINE, "REPAIR", 110, "Repair bench"))) {
            masterData.addStation(station);
        }
        masterData.addModel(MODEL, "AX4 Enterprise quadcopter");
        masterData.addRoute(
                MODEL,
                3,
                List.of(
                        new Operation(
                                10,
                                "Frame and arms",
                                "ASSEMBLY",
                                "Mount the four arms on the frame; torque 0.6 Nm. Scan the frame and arm lot labels.",
                                List.of(lot("FRM-AX4", "Carbon frame", 1), lot("ARM-AX4", "Folding arm", 4))),
                        new Operation(
                                20,
                                "Propulsion",
                                "ASSEMBLY",
                                "Fit 4 motors and 4 ESCs. Scan the motor lot label for each motor and each ESC's serial.",
                                List.of(lot("MTR-2207", "Motor 2207 1750KV", 4), serial("ESC-40A", "ESC 40 A", 4))),
                        new Operation(
                                30,
                                "Avionics",
                                "ASSEMBLY",
                                "Install flight controller, GNSS and radio module; scan each serial. Check the radio's FCC ID.",
                                List.of(
                                        serial("FC-H7", "Flight controller H7", 1),
                                        serial("GNSS-M10", "GNSS receiver", 1),
                                        serial("RL-900", "Remote link radio", 1))),
                        new Operation(
                                40,
                                "Gimbal camera",
                                "ASSEMBLY",
                                "Mount the gimbal camera; scan its serial.",
                                List.of(serial("GMB-4K", "Gimbal camera 4K", 1))),
                        new Operation(
                                50,
                                "Firmware",
                                "FIRMWARE_FLASH",
                                "Flash flight controller, ESC, gimbal and radio images on the fixture."),
                        new Operation(
                                60,
                                "Identity",
                                "KEY_INJECTION",
                                "Let the secure element make its key pair; the station issues the device certificate."),
                        new Operation(70, "Calibration", "TEST", "Calibrate IMU, compass and gimbal on the rig."),
                        new Operation(
                                80,
                                "Tethered flight test",
                                "TEST",
                                "Hover test: motor currents, vibration, Remote ID broadcast equals the serial."),
                        new Operation(
                                90, "Final inspection", "INSPECTION", "Check finish and the Part 89 compliance label."),
                        new Operation(
                                100,
                                "Pack",
                                "PACK",
                                "Pack with the smart battery (scan its serial), propeller set and box label.",
                                List.of(serial("BAT-6S", "Smart battery 6S", 1), lot("PROP-9", "Propeller set", 1)))),
                List.of("FLIGHT_CONTROLLER", "ESC", "GIMBAL", "REMOTE_LINK"),
                true,
                "system");
        // The plant's seeded route is in force from the start, as the seeded routes of every plant are (DD021).
        masterData.approveRoute(MODEL, 1, "system", java.time.Instant.now());
    }

    private static Part lot(String partNumber, String description, int quantity) {
        return new Part(partNumber, description, quantity, false);
    }

    private static Part serial(String partNumber, String description, int quantity) {
        return new Part(partNumber, description, quantity, true);
    }
}
