package com.linetrace.bulkload;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.provisioning.FirmwareRejected;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * One unit's life as tracking and provisioning record it, in order: its serial issued with its work order, then each
 * operation of the route (check-in, the parts scanned, the flash fixture's and key station's verdicts, the check-out)
 * and, now and then, a failed test with its defect codes, repair and retry, a hold and its release, or a scrap.
 * The same unit of the same plan always lives the same life.
 */
final class UnitLife {

    static final double QUALITY_HOLD_RATE = 0.005;
    static final double SCRAP_RATE = 0.001;
    static final double RETEST_FAILURE_RATE = 0.25;
    static final double READ_BACK_MISMATCH_RATE = 0.01;
    static final double REVOKED_IMAGE_RATE = 0.003;
    static final double KEY_REJECTION_RATE = 0.003;

    static final String FIXTURE = "FIX-FW-1";
    static final String KEY_STATION = "KEY-1";
    static final String ISSUER = "CN=LineTrace Plant CA " + Route.PLANT + ",O=LineTrace";

    private static final List<String> STATIONS =
            List.of("ASM-1", "ASM-2", "FW-1", "KEY-1", "TST-1", "TST-2", "INS-1", "PCK-1", Route.REPAIR_STATION);
    private static final List<String> HOLD_REASONS = List.of(
            "Quality hold: cosmetic scratch on the canopy to review",
            "Quality hold: torque audit of the arm hinges",
            "Quality hold: gimbal connector seated? check before test");
    private static final List<String> SCRAP_REASONS =
            List.of("Dropped in handling: frame cracked", "Water damage at the bench", "Frame delaminated");
    /** Where on the frame each of several like parts sits, as the route's bill of materials names it. */
    private static final java.util.Map<String, String> DESIGNATORS =
            java.util.Map.of("ARM-AX4", "ARM", "MTR-2207", "M", "ESC-40A", "ESC");

    private static final Duration REPAIR_SHORTEST = Duration.ofSeconds(40);
    private static final Duration REPAIR_LONGEST = Duration.ofSeconds(90);

    /**
     * An event of the unit: its time, station (none for holds, releases, scraps and serials issued), who did it and
     * its body, a {@code UnitEvent} or a {@code ProvisioningEvent}.
     */
    record Event(Instant at, @Nullable String station, String actor, Object body) {}

    private final LoadPlan plan;
    private final int unit;
    private final Serial serial;
    private final SplittableRandom random;
    private final List<Event> events = new ArrayList<>(64);
    private Instant at;

    private UnitLife(LoadPlan plan, int unit) {
        this.plan = plan;
        this.unit = unit;
        this.serial = plan.serial(unit);
        this.random = plan.randomOf(unit);
        this.at = plan.startOf(unit);
    }

    static List<Event> of(LoadPlan plan, int unit, LoadPlan.WorkOrder workOrder) {
        return new UnitLife(plan, unit).live(workOrder);
    }

    private List<Event> live(LoadPlan.WorkOrder workOrder) {
        events.add(new Event(
                workOrder.releasedAt(),
                null,
                "supervisor1",
                new UnitsInitialized(workOrder.number(), Route.MODEL, Route.VERSION)));
        var operations = plan.route().operations();
        int holdBefore = random.nextDouble() < QUALITY_HOLD_RATE ? 1 + random.nextInt(operations.size() - 1) : -1;
        int scrapBefore = random.nextDouble() < SCRAP_RATE ? 1 + random.nextInt(operations.size() - 1) : -1;
        int failures = 0;
        for (int index = 0; index < operations.size(); index++) {
            var operation = operations.get(index);
            var next = index + 1 < operations.size() ? operations.get(index + 1) : null;
            waitInLine();
            if (index == holdBefore) {
                var reason = HOLD_REASONS.get(random.nextInt(HOLD_REASONS.size()));
                add(null, "quality1", new UnitHeld(reason));
                pass(Duration.ofMinutes(60 + random.nextInt(7 * 60)));
                add(null, "quality1", new UnitReleased("Inspected, no defect found; released to the line"));
                waitInLine();
            }
            if (index == scrapBefore) {
                add(null, "supervisor1", new UnitScrapped(SCRAP_REASONS.get(random.nextInt(SCRAP_REASONS.size()))));
                return events;
            }
            boolean mustPass = false;
            for (int attempt = 0; ; attempt++) {
                var operator = operator(operation.station());
                add(
                        operation.station(),
                        operator,
                        new UnitsArrived(operation.seq(), operation.name(), false, operation.kind()));
                var work = between(operation.work().shortest(), operation.work().longest());
                var started = at;
                if (attempt == 0) {
                    work(operation, started, work, operator);
                }
                at = started.plus(work);
                var defects = operation.defects();
                double rate = attempt == 0 ? defects.rate() : RETEST_FAILURE_RATE * Math.signum(defects.rate());
                if (mustPass || random.nextDouble() >= rate) {
                    add(
                            operation.station(),
                            operator,
                            new WorkCompleted(operation.seq(), operation.name(), Result.PASS, List.of()));
                    if (next == null) {
                        add(operation.station(), operator, new UnitsDeparted(operation.seq(), null, null));
                        add(operation.station(), operator, new UnitCompleted(workOrder.number()));
                    } else {
                        add(operation.station(), operator, new UnitsDeparted(operation.seq(), next.seq(), next.kind()));
                    }
                    break;
                }
                failures++;
                add(
                        operation.station(),
                        operator,
                        new WorkCompleted(
                                operation.seq(), operation.name(), Result.FAIL, defectCodes(defects.codes())));
                add(operation.station(), operator, new ReworkRouted(operation.seq(), failures));
                add(
                        operation.station(),
                        operator,
                        new UnitsDeparted(operation.seq(), operation.seq(), Route.REPAIR_KIND));
                if (failures >= Route.MAX_FAILURES) {
                    add(
                            operation.station(),
                            operator,
                            new UnitHeld("failed " + failures + " times, the limit of route " + Route.MODEL + " v"
                                    + Route.VERSION));
                    pass(Duration.ofMinutes(30 + random.nextInt(5 * 60)));
                    if (random.nextBoolean()) {
                        add(
                                null,
                                "quality1",
                                new UnitScrapped("Failed " + operation.name() + " " + failures
                                        + " times; not economical to repair"));
                        return events;
                    }
                    add(null, "quality1", new UnitReleased("Engineering approved one more attempt after repair"));
                    mustPass = true;
                }
                repair(operation);
            }
        }
        return events;
    }

    /** The parts scanned, and at the flash fixture and key station the verdicts, during an operation's work. */
    private void work(Route.Operation operation, Instant started, Duration work, String operator) {
        var scans = new ArrayList<MaterialsInstalled>();
        for (var part : operation.parts()) {
            for (int piece = 0; piece < part.quantity(); piece++) {
                var prefix = DESIGNATORS.get(part.partNumber());
                var designator = prefix == null || piece >= 4 ? null : prefix + (piece + 1);
                scans.add(
                        part.serialized()
                                ? new MaterialsInstalled(
                                        operation.seq(),
                                        part.partNumber(),
                                        null,
                                        plan.partSerial(part, unit, piece),
                                        1,
                                        designator)
                                : new MaterialsInstalled(
                                        operation.seq(),
                                        part.partNumber(),
                                        plan.lot(part.partNumber(), unit, piece, part.quantity()),
                                        null,
                                        1,
                                        designator));
            }
        }
        for (int i = 0; i < scans.size(); i++) {
            at = started.plus(work.multipliedBy(i + 1).dividedBy(scans.size() + 1));
            add(operation.station(), operator, scans.get(i));
        }
        if (operation.kind().equals("FIRMWARE_FLASH")) {
            flash(operation.station(), started, work);
        } else if (operation.kind().equals("KEY_INJECTION")) {
            injectKey(operation.station(), started, work);
        }
    }

    private void flash(String station, Instant started, Duration work) {
        int modules = LoadPlan.MODULES.size();
        int readBackFails = random.nextDouble() < READ_BACK_MISMATCH_RATE ? random.nextInt(modules) : -1;
        int revokedFirst = random.nextDouble() < REVOKED_IMAGE_RATE ? random.nextInt(modules) : -1;
        for (int m = 0; m < modules; m++) {
            var module = LoadPlan.MODULES.get(m);
            var release = plan.release(module, unit);
            at = started.plus(work.multipliedBy(m + 1).dividedBy(modules + 1));
            if (m == revokedFirst) {
                var old = LoadPlan.release(module, release.version() + "-rc1");
                add(
                        station,
                        FIXTURE,
                        new FirmwareRejected(
                                module,
                                old.version(),
                                old.sha256(),
                                FirmwareRejected.Code.RELEASE_REVOKED,
                                "Release " + module + " " + old.version() + " was revoked; flash the approved one"));
                at = at.plusMillis(300);
            }
            if (m == readBackFails) {
                add(
                        station,
                        FIXTURE,
                        new FirmwareRejected(
                                module,
                                release.version(),
                                release.sha256(),
                                FirmwareRejected.Code.READ_BACK_MISMATCH,
                                "What the device returned differs from the image written"));
                at = at.plusMillis(300);
            }
            add(
                    station,
                    FIXTURE,
                    new FirmwareVerified(
                            release.id(), Route.MODEL, module, release.version(), release.sha256(), FIXTURE));
        }
    }

    private void injectKey(String station, Instant started, Duration work) {
        at = started.plus(work.dividedBy(2));
        int attempt = 0;
        if (random.nextDouble() < KEY_REJECTION_RATE) {
            add(
                    station,
                    KEY_STATION,
                    new KeyInjectionRejected(
                            KeyInjectionRejected.Code.CSR_SIGNATURE_INVALID,
                            "The CSR's signature does not verify: no proof that the device holds the private key",
                            plan.fingerprint(serial, attempt++)));
            at = at.plusSeconds(1);
        }
        add(
                station,
                KEY_STATION,
                new KeyInjectionVerified(
                        plan.fingerprint(serial, attempt),
                        "CN=" + serial + ",O=LineTrace",
                        ISSUER,
                        "SE-" + serial,
                        "DEVICE_IDENTITY"));
    }

    private void repair(Route.Operation failed) {
        waitInLine();
        var operator = operator(Route.REPAIR_STATION);
        add(Route.REPAIR_STATION, operator, new UnitsArrived(failed.seq(), failed.name(), true, Route.REPAIR_KIND));
        pass(between(REPAIR_SHORTEST, REPAIR_LONGEST));
        add(
                Route.REPAIR_STATION,
                operator,
                new WorkCompleted(failed.seq(), "Repair of " + failed.name(), Result.PASS, List.of()));
        add(Route.REPAIR_STATION, operator, new UnitsDeparted(failed.seq(), failed.seq(), failed.kind()));
        waitInLine();
    }

    private List<String> defectCodes(List<String> codes) {
        var first = codes.get(random.nextInt(codes.size()));
        if (codes.size() > 1 && random.nextInt(10) == 0) {
            var second = codes.get(random.nextInt(codes.size()));
            return second.equals(first) ? List.of(first) : List.of(first, second);
        }
        return List.of(first);
    }

    /** Three shifts a day, one operator per station and shift: {@code op101} … */
    private String operator(String station) {
        int shift = at.atOffset(ZoneOffset.UTC).getHour() / 8;
        return "op" + (101 + STATIONS.indexOf(station) * 3 + shift);
    }

    /** The queue before a station: mostly short, now and then long (about a minute on average, at most ten). */
    private void waitInLine() {
        pass(Duration.ofMillis((long) Math.min(600_000, -60_000 * Math.log(1 - random.nextDouble()))));
    }

    private Duration between(Duration shortest, Duration longest) {
        return shortest.plusMillis(random.nextLong(longest.toMillis() - shortest.toMillis() + 1));
    }

    private void pass(Duration duration) {
        at = at.plus(duration);
    }

    private void add(@Nullable String station, String actor, Object body) {
        events.add(new Event(at, station, actor, body));
    }
}
