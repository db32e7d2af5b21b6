package com.linetrace.tracking.station;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanIdReusedException;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.ScanVerdict.Action;
import com.linetrace.tracking.api.ScanVerdict.Verdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.Work;
import com.linetrace.tracking.material.MalformedPartBarcodeException;
import com.linetrace.tracking.material.MaterialRepository;
import com.linetrace.tracking.material.PartBarcode;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Route;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.Decision;
import com.linetrace.tracking.unit.Interlock;
import com.linetrace.tracking.unit.Progress;
import com.linetrace.tracking.unit.ProvisioningStatus;
import com.linetrace.tracking.unit.UnitEvents;
import com.linetrace.tracking.unit.UnitRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in and check-out at a station. Each scan is decided and recorded in one transaction that holds the
 * unit's row lock, with its events written to the outbox; so two stations scanning one unit at the same moment
 * are served one after the other, and never both succeed.
 */
@Service
class StationService {

    private static final Pattern DEFECT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Runnable NOTHING = () -> {};

    private final MasterData masterData;
    private final UnitRepository units;
    private final ScanRepository scans;
    private final UnitEvents events;
    private final TransactionTemplate transactions;
    private final TrackingSettings settings;
    private final MaterialRepository materials;
    private final ProvisioningStatus provisioning;
    private final Clock clock;

    StationService(
            MasterData masterData,
            UnitRepository units,
            ScanRepository scans,
            UnitEvents events,
            TransactionTemplate transactions,
            TrackingSettings settings,
            MaterialRepository materials,
            ProvisioningStatus provisioning) {
        this.masterData = masterData;
        this.materials = materials;
        this.provisioning = provisioning;
        this.units = units;
        this.scans = scans;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        // PostgreSQL keeps microseconds: a verdict read back must equal the one answered.
        this.clock = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }

    ScanVerdict checkIn(StationId stationId, StationOperations.CheckIn request, String actor) {
        var station = station(stationId);
        var scanId = Objects.requireNonNull(request.scanId());
        var barcode = request.barcode();
        return decide(station, scanId, Action.CHECK_IN, barcode, barcode, barcode, actor, NOTHING, scan -> {
            var unit = scan.unit();
            var route = masterData.route(unit.routeId());
            var verified = station.kind().equals(Route.PACK) ? provisioning.verified(unit.serial()) : Set.<String>of();
            var decision = Interlock.checkIn(unit, route, station, verified);
            return switch (decision) {
                case Decision.Stop stop -> scan.rejected(stop.refusal(), stop.message(), stop.operation());
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
        var station = station(stationId);
        var scanId = Objects.requireNonNull(checkOut.scanId());
        var barcode = checkOut.serial();
        var result = checkOut.result();
        var defects = Objects.requireNonNull(checkOut.defects());
        checkDefects(result, defects);
        var request = barcode + "\n" + result + "\n" + String.join(",", defects);
        return decide(station, scanId, Action.CHECK_OUT, barcode, barcode, request, actor, NOTHING, scan -> {
            var unit = scan.unit();
            var stop = Interlock.mayWorkOn(unit, station);
            if (stop.isPresent()) {
                return scan.rejected(stop.get().refusal(), stop.get().message(), null);
            }
            var route = masterData.route(unit.routeId());
            int seq = Objects.requireNonNull(unit.checkedInSeq());
            var operation = route.operation(seq).orElseThrow();
            boolean atRepair = unit.rework() && station.kind().equals(Route.REPAIR);
            if (result == Result.PASS && !atRepair) {
                var missing = missingParts(work(unit.serial(), operation, false));
                if (!missing.isEmpty()) {
                    return scan.rejected(Refusal.PARTS_MISSING, "Scan the missing parts first: " + missing, operation);
                }
                if (station.kind().equals(Route.PACK)) {
                    var unverified = Interlock.packOut(route, operation, provisioning.verified(unit.serial()));
                    if (unverified.isPresent()) {
                        return scan.rejected(
                                unverified.get().refusal(), unverified.get().message(), operation);
                    }
                }
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
        var station = station(stationId);
        var scanId = Objects.requireNonNull(partScan.scanId());
        var serial = partScan.serial();
        var partBarcode = partScan.barcode();
        // A lot-traced part waits for a quarantine of its lot that is being decided, and the other way round.
        Runnable serialise = () -> lotTraced(partBarcode).ifPresent(p -> materials.lockLot(p.partNumber(), p.lot()));
        var request = serial + "\n" + partBarcode;
        return decide(station, scanId, Action.INSTALL_PART, serial, partBarcode, request, actor, serialise, scan -> {
            var unit = scan.unit();
            var stop = Interlock.mayWorkOn(unit, station);
            if (stop.isPresent()) {
                return scan.rejected(stop.get().refusal(), stop.get().message(), null);
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
            var line = operation.part(part.partNumber()).orElse(null);
            if (line == null || unit.rework()) {
                return scan.rejected(
                        Refusal.PART_NOT_IN_BILL_OF_MATERIALS,
                        part.partNumber() + " is not in the bill of materials of " + operation.label(),
                        operation);
            }
            if (line.serialized() != part.serialized()) {
                return scan.rejected(
                        Refusal.MALFORMED_PART_BARCODE,
                        line.serialized()
                                ? part.partNumber() + " is traced by serial: scan the part's own serial label (;S=)"
                                : part.partNumber() + " is traced by lot: scan its lot label (;L=)",
                        operation);
            }
            int installed = materials.installed(unit.serial(), operation.seq()).getOrDefault(part.partNumber(), 0);
            if (installed >= line.quantity()) {
                return scan.rejected(
                        Refusal.PART_QUANTITY_COMPLETE,
                        "All " + line.quantity() + " × " + part.partNumber() + " are already installed",
                        operation);
            }
            if (part.partSerial() != null) {
                var holder = materials.unitWith(part.partNumber(), part.partSerial());
                if (holder.isPresent()) {
                    return scan.rejected(
                            Refusal.PART_ALREADY_INSTALLED,
                            part.partNumber() + " serial " + part.partSerial() + " is already installed in unit "
                                    + holder.get(),
                            operation);
                }
            }
            if (part.lot() != null) {
                var quarantine = materials.quarantineReason(part.partNumber(), part.lot());
                if (quarantine.isPresent()) {
                    return scan.rejected(
                            Refusal.LOT_QUARANTINED,
                            "Lot " + part.lot() + " of " + part.partNumber() + " is quarantined: " + quarantine.get(),
                            operation);
                }
            }
            if (!materials.install(unit.serial(), operation.seq(), part, station.id(), actor, scan.at())) {
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
                    new MaterialsInstalled(operation.seq(), part.partNumber(), part.lot(), part.partSerial(), 1));
            var missing = missingParts(work(unit.serial(), operation, false));
            return scan.accepted(
                    "Installed " + part.partNumber()
                            + (missing.isEmpty() ? "; all parts scanned" : "; still to scan: " + missing),
                    operation);
        });
    }

    Work work(StationId stationId, Serial serial) {
        station(stationId);
        return units.find(serial)
                .filter(unit -> stationId.value().equals(unit.checkedInStation()) && unit.checkedInSeq() != null)
                .map(unit -> work(
                        unit.serial(),
                        masterData
                                .route(unit.routeId())
                                .operation(unit.checkedInSeq())
                                .orElseThrow(),
                        unit.rework()))
                .orElseThrow(() -> TrackingProblem.NOT_CHECKED_IN.exception(
                        "Unit " + serial + " is not checked in at " + stationId));
    }

    private Work work(Serial serial, Operation operation, boolean rework) {
        var installed = materials.installed(serial, operation.seq());
        var parts = rework
                ? List.<Work.PartProgress>of()
                : operation.parts().stream()
                        .map(p -> new Work.PartProgress(
                                p.partNumber(),
                                p.description(),
                                p.quantity(),
                                installed.getOrDefault(p.partNumber(), 0),
                                p.serialized()))
                        .toList();
        return new Work(serial.value(), operation.seq(), operation.name(), operation.instruction(), rework, parts);
    }

    private static String missingParts(Work work) {
        return work.parts().stream()
                .filter(p -> p.installed() < p.required())
                .map(p -> (p.required() - p.installed()) + " × " + p.partNumber())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    List<ScanVerdict> recentScans(StationId stationId, int limit) {
        station(stationId);
        return scans.recent(stationId.value(), Math.clamp(limit, 1, 200));
    }

    List<StationInfo> stations() {
        return masterData.stations().stream()
                .map(s -> new StationInfo(s.id(), s.lineId(), s.kind(), s.flowOrder(), s.name()))
                .toList();
    }

    LineStatus lineStatus(LineId lineId) {
        if (!masterData.lineExists(lineId.value())) {
            throw TrackingProblem.UNKNOWN_LINE.exception("No line has the id '" + lineId + "'");
        }
        return units.lineStatus(lineId.value(), masterData.stationsOf(lineId.value()));
    }

    private Station station(StationId stationId) {
        return masterData.station(stationId.value()).orElseThrow(() -> new UnknownStationException(stationId));
    }

    /**
     * Runs one scan in a transaction: a scan id seen before at this station for this action gets its first answer
     * when the request is the same, and is refused (409) when it is not; a malformed barcode, a worker whose role
     * the station excludes or an unknown serial is refused; a repeat of the station's last scan within the
     * debounce window (a bouncing scanner) gets that scan's answer; otherwise {@code rule} decides with the unit
     * locked. {@code serialise} runs first in the transaction, before the unit is locked, for locks that must come
     * before it.
     *
     * @param request what the worker asked, as text: with the actor, what a reused scan id must match
     */
    private ScanVerdict decide(
            Station station,
            UUID scanId,
            Action action,
            String serialText,
            String scanned,
            String request,
            String actor,
            Runnable serialise,
            Function<Scan, ScanVerdict> rule) {
        var serialInput = storable(serialText);
        var text = storable(scanned);
        var digest = ScanRepository.digest(actor, request);
        var roleRefusal = Interlock.mayWorkAt(station, Caller.roles());
        var verdict = transactions.execute(status -> {
            var earlier = scans.find(station.id(), action, scanId);
            if (earlier.isPresent()) {
                return sameRequest(earlier.get(), digest);
            }
            serialise.run();
            var now = clock.instant();
            var scan = new Scan(scanId, station, action, actor, now, null, null);
            var problem = Serial.problemWith(serialInput);
            ScanVerdict answer;
            if (problem != null) {
                answer = scan.rejected(Refusal.MALFORMED_BARCODE, "Malformed barcode: " + problem, null);
            } else if (roleRefusal.isPresent()) {
                answer = scan.withSerial(Serial.parse(serialInput).value())
                        .rejected(roleRefusal.get().refusal(), roleRefusal.get().message(), null);
            } else {
                var serial = Serial.parse(serialInput);
                var unit = units.lock(serial);
                if (unit.isEmpty()) {
                    answer = scan.withSerial(serial.value())
                            .rejected(
                                    Refusal.UNKNOWN_SERIAL,
                                    "Unknown serial " + serial + ": no work order issued it",
                                    null);
                } else {
                    // Only a check-in can bounce: part scans repeat one lot label on purpose, and check-outs come
                    // from buttons with their own scan id. A bounce is the unit's very last scan at this station.
                    var bounce = action == Action.CHECK_IN
                            ? scans.latestOfUnit(station.id(), serial.value(), settings.debounce(), now)
                                    .filter(latest -> latest.action() == Action.CHECK_IN
                                            && latest.actor().equals(actor))
                            : Optional.<ScanVerdict>empty();
                    if (bounce.isPresent()) {
                        return bounce.get();
                    }
                    answer = rule.apply(new Scan(scanId, station, action, actor, now, serial.value(), unit.get()));
                }
            }
            if (!scans.record(answer, text, digest)) {
                // The same scan id was recorded by a concurrent request: undo ours, answer with that one.
                status.setRollbackOnly();
                return null;
            }
            return answer;
        });
        return verdict != null
                ? verdict
                : sameRequest(scans.find(station.id(), action, scanId).orElseThrow(), digest);
    }

    /** The first verdict under a scan id, for the same request only. */
    private static ScanVerdict sameRequest(ScanRepository.Recorded earlier, String digest) {
        if (earlier.requestDigest() != null && !earlier.requestDigest().equals(digest)) {
            var first = earlier.verdict();
            throw new ScanIdReusedException(first.scanId(), first.stationId(), first.action());
        }
        return earlier.verdict();
    }

    /** The part a barcode names when it is traced by lot, if it reads as one. */
    private static Optional<PartBarcode> lotTraced(String partBarcode) {
        try {
            return Optional.of(PartBarcode.parse(partBarcode.strip())).filter(part -> part.lot() != null);
        } catch (MalformedPartBarcodeException e) {
            return Optional.empty();
        }
    }

    /**
     * A scanned text as the scan record keeps it: whole (the API bounds its length), with control characters,
     * which PostgreSQL's text cannot hold (NUL) or a log reader would misread, replaced.
     */
    private static String storable(String barcode) {
        return barcode.strip().replaceAll("\\p{Cntrl}", "\uFFFD");
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

    /** One scan being decided; {@code unit} is set once the serial is known and locked. */
    private record Scan(
            UUID scanId,
            Station station,
            Action action,
            String actor,
            Instant at,
            @Nullable String serial,
            com.linetrace.tracking.unit.@Nullable UnitState unit) {

        Scan withSerial(String serial) {
            return new Scan(scanId, station, action, actor, at, serial, unit);
        }

        @Override
        public com.linetrace.tracking.unit.UnitState unit() {
            if (unit == null) {
                throw new IllegalStateException("No unit for this scan");
            }
            return unit;
        }

        ScanVerdict accepted(String message, Operation operation) {
            return verdict(Verdict.ACCEPTED, null, message, operation);
        }

        ScanVerdict rejected(Refusal refusal, String message, @Nullable Operation operation) {
            return verdict(Verdict.REJECTED, refusal, message, operation);
        }

        private ScanVerdict verdict(
                Verdict verdict, @Nullable Refusal refusal, String message, @Nullable Operation op) {
            return new ScanVerdict(
                    scanId,
                    station.id(),
                    action,
                    verdict,
                    refusal,
                    message,
                    serial,
                    op == null ? null : op.seq(),
                    op == null ? null : op.name(),
                    at,
                    actor);
        }
    }
}
