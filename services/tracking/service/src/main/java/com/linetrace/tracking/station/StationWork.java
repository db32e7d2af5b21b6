package com.linetrace.tracking.station;

import com.linetrace.contracts.StationId;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.ScanVerdict.Action;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.material.MalformedPartBarcodeException;
import com.linetrace.tracking.material.MaterialRepository;
import com.linetrace.tracking.material.PartBarcode;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Route;
import com.linetrace.tracking.unit.Decision;
import com.linetrace.tracking.unit.Interlock;
import com.linetrace.tracking.unit.Progress;
import com.linetrace.tracking.unit.ProvisioningStatus;
import com.linetrace.tracking.unit.UnitEvents;
import com.linetrace.tracking.unit.UnitRepository;
import com.linetrace.tracking.unit.WorkRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The work recorded at a station: check-in through the {@link Interlock}, parts installed and the check-out by the
 * {@link WorkRules}, each as one {@link ScanTransaction} with the unit locked and its events in the outbox.
 */
@Service
class StationWork {

    private static final Pattern DEFECT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Runnable NOTHING = () -> {};

    private final ScanTransaction scans;
    private final StationReads reads;
    private final MasterData masterData;
    private final UnitRepository units;
    private final UnitEvents events;
    private final MaterialRepository materials;
    private final ProvisioningStatus provisioning;

    StationWork(
            ScanTransaction scans,
            StationReads reads,
            MasterData masterData,
            UnitRepository units,
            UnitEvents events,
            MaterialRepository materials,
            ProvisioningStatus provisioning) {
        this.scans = scans;
        this.reads = reads;
        this.masterData = masterData;
        this.units = units;
        this.events = events;
        this.materials = materials;
        this.provisioning = provisioning;
    }

    ScanVerdict checkIn(StationId stationId, StationOperations.CheckIn request, String actor) {
        var station = reads.station(stationId);
        var scanId = Objects.requireNonNull(request.scanId());
        var barcode = request.barcode();
        return scans.run(station, scanId, Action.CHECK_IN, barcode, barcode, barcode, actor, NOTHING, scan -> {
            var unit = scan.unit();
            var route = masterData.route(unit.routeId());
            var verified = station.kind().equals(Route.PACK) ? provisioning.verified(unit.serial()) : Set.<String>of();
            var decision = Interlock.checkIn(unit, route, station, verified);
            return switch (decision) {
                case Decision.Stop stop -> scan.stopped(stop);
                case Decision.Go go -> {
                    if (!go.alreadyCheckedIn()) {
                        units.checkIn(unit.serial(), station, go.operation().seq(), go.rework(), actor, scan.at());
                        events.publish(
                                unit.serial(),
                                station.lineId(),
                                station.id(),
                                actor,
                                scan.at(),
                                new UnitsArrived(
                                        go.operation().seq(), go.operation().name(), go.rework(), station.kind()));
                    }
                    yield scan.accepted(go.message(), go.operation());
                }
            };
        });
    }

    ScanVerdict checkOut(StationId stationId, StationOperations.CheckOut checkOut, String actor) {
        var station = reads.station(stationId);
        var scanId = Objects.requireNonNull(checkOut.scanId());
        var barcode = checkOut.serial();
        var result = checkOut.result();
        var defects = Objects.requireNonNull(checkOut.defects());
        checkDefects(result, defects);
        var request = barcode + "\n" + result + "\n" + String.join(",", defects);
        return scans.run(station, scanId, Action.CHECK_OUT, barcode, barcode, request, actor, NOTHING, scan -> {
            var unit = scan.unit();
            var stop = Interlock.mayWorkOn(unit, station);
            if (stop.isPresent()) {
                return scan.stopped(stop.get());
            }
            var route = masterData.route(unit.routeId());
            int seq = Objects.requireNonNull(unit.checkedInSeq());
            var operation = route.operation(seq).orElseThrow();
            boolean atRepair = unit.rework() && station.kind().equals(Route.REPAIR);
            var verified = station.kind().equals(Route.PACK) ? provisioning.verified(unit.serial()) : Set.<String>of();
            var refused = WorkRules.checkOut(
                    route, operation, station, atRepair, result, reads.work(unit.serial(), operation, false), verified);
            if (refused.isPresent()) {
                return scan.stopped(refused.get());
            }
            var outcome = Progress.checkOut(unit, route, seq, atRepair, result);
            units.checkOut(unit.serial(), outcome, result.name(), defects, actor, scan.at());
            var serial = unit.serial();
            events.publish(
                    serial,
                    station.lineId(),
                    station.id(),
                    actor,
                    scan.at(),
                    new WorkCompleted(
                            seq, atRepair ? "Repair of " + operation.name() : operation.name(), result, defects));
            if (result == Result.FAIL) {
                events.publish(
                        serial,
                        station.lineId(),
                        station.id(),
                        actor,
                        scan.at(),
                        new ReworkRouted(seq, outcome.failures()));
            }
            Operation next = outcome.nextSeq() == null
                    ? null
                    : route.operation(outcome.nextSeq()).orElseThrow();
            events.publish(
                    serial,
                    station.lineId(),
                    station.id(),
                    actor,
                    scan.at(),
                    new UnitsDeparted(
                            seq,
                            outcome.nextSeq(),
                            next == null ? null : outcome.rework() ? Route.REPAIR : next.stationKind()));
            if (outcome.completed()) {
                events.publish(
                        serial, station.lineId(), station.id(), actor, scan.at(), new UnitCompleted(unit.workOrder()));
            }
            if (outcome.holdReason() != null) {
                events.publish(
                        serial, station.lineId(), station.id(), actor, scan.at(), new UnitHeld(outcome.holdReason()));
            }
            return scan.accepted(checkOutMessage(result, operation, atRepair, outcome, next), operation);
        });
    }

    ScanVerdict installPart(StationId stationId, StationOperations.PartScan partScan, String actor) {
        var station = reads.station(stationId);
        var scanId = Objects.requireNonNull(partScan.scanId());
        var serial = partScan.serial();
        var partBarcode = partScan.barcode();
        // A lot-traced part waits for a quarantine of its lot that is being decided, and the other way round.
        Runnable serialise = () -> lotTraced(partBarcode).ifPresent(p -> materials.lockLot(p.partNumber(), p.lot()));
        var request = serial + "\n" + partBarcode;
        return scans.run(station, scanId, Action.INSTALL_PART, serial, partBarcode, request, actor, serialise, scan -> {
            var unit = scan.unit();
            var stop = Interlock.mayWorkOn(unit, station);
            if (stop.isPresent()) {
                return scan.stopped(stop.get());
            }
            var operation = masterData
                    .route(unit.routeId())
                    .operation(Objects.requireNonNull(unit.checkedInSeq()))
                    .orElseThrow();
            PartBarcode part;
            try {
                // Parsed whole: what is longer than the grammar allows is refused, never cut to fit.
                part = PartBarcode.parse(partBarcode.strip());
            } catch (MalformedPartBarcodeException e) {
                return scan.rejected(
                        Refusal.MALFORMED_PART_BARCODE, "Malformed part barcode: " + e.getMessage(), operation);
            }
            var facts = new WorkRules.PartFacts(
                    materials.installed(unit.serial(), operation.seq()).getOrDefault(part.partNumber(), 0),
                    part.partSerial() == null
                            ? null
                            : materials
                                    .unitWith(part.partNumber(), part.partSerial())
                                    .orElse(null),
                    part.lot() == null
                            ? null
                            : materials
                                    .quarantineReason(part.partNumber(), part.lot())
                                    .orElse(null));
            var refused = WorkRules.installPart(unit, operation, part, facts);
            if (refused.isPresent()) {
                return scan.stopped(refused.get());
            }
            // The k-th part of a line goes to the line's k-th place on the unit.
            var place = operation
                    .part(part.partNumber())
                    .map(line -> line.designatorAfter(facts.installed()))
                    .orElse(null);
            if (!materials.install(unit.serial(), operation.seq(), part, place, station.id(), actor, scan.at())) {
                // Another station installed this serial at the same moment and committed first.
                return scan.rejected(
                        Refusal.PART_ALREADY_INSTALLED,
                        part.partNumber() + " serial " + part.partSerial() + " is already installed"
                                + materials
                                        .unitWith(part.partNumber(), Objects.requireNonNull(part.partSerial()))
                                        .map(holder -> " in unit " + holder)
                                        .orElse(""),
                        operation);
            }
            events.publish(
                    unit.serial(),
                    station.lineId(),
                    station.id(),
                    actor,
                    scan.at(),
                    new MaterialsInstalled(
                            operation.seq(), part.partNumber(), part.lot(), part.partSerial(), 1, place));
            var missing = WorkRules.missingParts(reads.work(unit.serial(), operation, false));
            return scan.accepted(
                    "Installed " + part.partNumber()
                            + (missing.isEmpty() ? "; all parts scanned" : "; still to scan: " + missing),
                    operation);
        });
    }

    /** The part a barcode names when it is traced by lot, if it reads as one. */
    private static Optional<PartBarcode> lotTraced(String partBarcode) {
        try {
            return Optional.of(PartBarcode.parse(partBarcode.strip())).filter(part -> part.lot() != null);
        } catch (MalformedPartBarcodeException e) {
            return Optional.empty();
        }
    }

    private static void checkDefects(Result result, List<String> defects) {
        if (result == Result.FAIL && defects.isEmpty()) {
            throw TrackingProblem.INVALID_SCAN.exception("A FAIL needs at least one defect code");
        }
        if (result == Result.PASS && !defects.isEmpty()) {
            throw TrackingProblem.INVALID_SCAN.exception("A PASS takes no defect codes");
        }
        if (defects.size() > 20) {
            throw TrackingProblem.INVALID_SCAN.exception("At most 20 defect codes per check-out");
        }
        for (var code : defects) {
            if (code == null || !DEFECT_CODE.matcher(code).matches()) {
                throw TrackingProblem.INVALID_SCAN.exception(
                        "A defect code is 2 to 32 capital letters, digits and dashes");
            }
        }
    }

    private static String checkOutMessage(
            Result result, Operation operation, boolean atRepair, Progress.Outcome outcome, @Nullable Operation next) {
        var done = (atRepair ? "Repair of " + operation.label() : operation.label()) + ": " + result;
        if (outcome.holdReason() != null) {
            return done + ". Unit held: " + outcome.holdReason();
        }
        if (outcome.completed()) {
            return done + ". Unit completed";
        }
        if (outcome.rework()) {
            return done + ". Take the unit to a REPAIR station";
        }
        return done + ". Next: " + (next == null ? "-" : next.label() + " at a " + next.stationKind() + " station");
    }
}
