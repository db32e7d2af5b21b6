package com.linetrace.ui.station;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.ScanVerdict.Action;
import com.linetrace.tracking.api.ScanVerdict.Verdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.Work;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Tracking as a terminal sees it: answers that a test sets, and the scans it was sent. */
class FakeStationOperations implements StationOperations {

    record CheckedOut(String stationId, String barcode, Result result, List<String> defects) {}

    /** Who tracking would record: the caller, not the terminal's to say. */
    private static final String ACTOR = "op1";

    final List<StationInfo> stations = List.of(
            new StationInfo("ASM-1", "L1", "ASSEMBLY", 1, "Assembly 1"),
            new StationInfo("ASM-2", "L1", "ASSEMBLY", 2, "Assembly 2"));
    final List<ScanVerdict> scans = new ArrayList<>();
    final List<CheckedOut> checkOuts = new ArrayList<>();
    final List<String> installs = new ArrayList<>();
    private final Map<String, Work> work = new HashMap<>();
    private @Nullable Work nextWork;

    private @Nullable Refusal refusal;
    private String refusalMessage = "";

    void refuseNextScans(Refusal refusal, String message) {
        this.refusal = refusal;
        this.refusalMessage = message;
    }

    @Override
    public ScanVerdict checkIn(StationId station, CheckIn request) {
        var stationId = known(station);
        var scanId = request.scanId();
        var barcode = request.barcode();
        if (refusal == null && nextWork != null) {
            work.put(
                    barcode,
                    new Work(
                            barcode,
                            nextWork.operation(),
                            nextWork.operationName(),
                            nextWork.instruction(),
                            false,
                            nextWork.parts()));
        }
        return record(
                refusal == null
                        ? new ScanVerdict(
                                scanId,
                                stationId,
                                Action.CHECK_IN,
                                Verdict.ACCEPTED,
                                null,
                                "Do op 20 Propulsion",
                                barcode,
                                20,
                                "Propulsion",
                                Instant.now(),
                                ACTOR)
                        : new ScanVerdict(
                                scanId,
                                stationId,
                                Action.CHECK_IN,
                                Verdict.REJECTED,
                                refusal,
                                refusalMessage,
                                barcode,
                                null,
                                null,
                                Instant.now(),
                                ACTOR));
    }

    @Override
    public ScanVerdict checkOut(StationId station, CheckOut request) {
        var stationId = known(station);
        var scanId = request.scanId();
        var barcode = request.serial();
        var result = request.result();
        var defects = request.defects();
        checkOuts.add(new CheckedOut(stationId, barcode, result, defects));
        work.remove(barcode);
        return record(new ScanVerdict(
                scanId,
                stationId,
                Action.CHECK_OUT,
                Verdict.ACCEPTED,
                null,
                result + " recorded for op 20 Propulsion",
                barcode,
                20,
                "Propulsion",
                Instant.now(),
                ACTOR));
    }

    private ScanVerdict record(ScanVerdict verdict) {
        scans.addFirst(verdict);
        return verdict;
    }

    private String known(StationId stationId) {
        if (stations.stream().noneMatch(s -> s.id().equals(stationId.value()))) {
            throw new UnknownStationException(stationId);
        }
        return stationId.value();
    }

    /** The work tracking gives the next unit checked in: its operation, instruction and parts. */
    void giveWork(String instruction, Work.PartProgress... parts) {
        this.nextWork = new Work("", 10, "Frame and arms", instruction, false, List.of(parts));
    }

    @Override
    public ScanVerdict installPart(StationId station, PartScan request) {
        var stationId = known(station);
        var scanId = request.scanId();
        var serial = request.serial();
        var partBarcode = request.barcode();
        installs.add(partBarcode);
        var current = work.get(serial);
        var partNumber = partBarcode.substring(0, partBarcode.indexOf(';'));
        var line = current == null
                ? null
                : current.parts().stream()
                        .filter(p -> p.partNumber().equals(partNumber))
                        .findFirst()
                        .orElse(null);
        if (line == null || line.installed() >= line.required()) {
            return record(new ScanVerdict(
                    scanId,
                    stationId,
                    Action.INSTALL_PART,
                    Verdict.REJECTED,
                    line == null ? Refusal.PART_NOT_IN_BILL_OF_MATERIALS : Refusal.PART_QUANTITY_COMPLETE,
                    line == null
                            ? partNumber + " is not in the bill of materials of op 10 Frame and arms"
                            : "All " + line.required() + " × " + partNumber + " are already installed",
                    serial,
                    10,
                    "Frame and arms",
                    Instant.now(),
                    ACTOR));
        }
        work.put(
                serial,
                new Work(
                        serial,
                        current.operation(),
                        current.operationName(),
                        current.instruction(),
                        current.rework(),
                        current.parts().stream()
                                .map(p -> p == line
                                        ? new Work.PartProgress(
                                                p.partNumber(),
                                                p.description(),
                                                p.required(),
                                                p.installed() + 1,
                                                p.serialized())
                                        : p)
                                .toList()));
        return record(new ScanVerdict(
                scanId,
                stationId,
                Action.INSTALL_PART,
                Verdict.ACCEPTED,
                null,
                "Installed " + partNumber,
                serial,
                10,
                "Frame and arms",
                Instant.now(),
                ACTOR));
    }

    @Override
    public Work work(StationId stationId, Serial serial) {
        known(stationId);
        var current = work.get(serial.value());
        if (current == null) {
            throw TrackingProblem.NOT_CHECKED_IN.exception("Unit " + serial + " is not checked in at " + stationId);
        }
        return current;
    }

    @Override
    public List<ScanVerdict> recentScans(StationId stationId, int limit) {
        return scans.stream()
                .filter(s -> s.stationId().equals(stationId.value()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<StationInfo> stations() {
        return stations;
    }

    @Override
    public LineStatus lineStatus(LineId lineId) {
        return new LineStatus(lineId.value(), List.of(), 0, 0, 0);
    }
}
