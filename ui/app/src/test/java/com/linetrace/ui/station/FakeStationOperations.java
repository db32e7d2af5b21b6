package com.linetrace.ui.station;

import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.ScanVerdict.Action;
import com.linetrace.tracking.api.ScanVerdict.Verdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.Work;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Tracking as a terminal sees it: answers that a test sets, and the scans it was sent. */
class FakeStationOperations implements StationOperations {

    record CheckOut(String stationId, String barcode, Result result, List<String> defects, String actor) {}

    final List<StationInfo> stations = List.of(
            new StationInfo("ASM-1", "L1", "ASSEMBLY", 1, "Assembly 1"),
            new StationInfo("ASM-2", "L1", "ASSEMBLY", 2, "Assembly 2"));
    final List<ScanVerdict> scans = new ArrayList<>();
    final List<CheckOut> checkOuts = new ArrayList<>();
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
    public ScanVerdict checkIn(String stationId, UUID scanId, String barcode, String actor) {
        known(stationId);
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
                                actor)
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
                                actor));
    }

    @Override
    public ScanVerdict checkOut(
            String stationId, UUID scanId, String barcode, Result result, List<String> defects, String actor) {
        known(stationId);
        checkOuts.add(new CheckOut(stationId, barcode, result, defects, actor));
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
                actor));
    }

    private ScanVerdict record(ScanVerdict verdict) {
        scans.addFirst(verdict);
        return verdict;
    }

    private void known(String stationId) {
        if (stations.stream().noneMatch(s -> s.id().equals(stationId))) {
            throw new UnknownStationException(stationId);
        }
    }

    /** The work tracking gives the next unit checked in: its operation, instruction and parts. */
    void giveWork(String instruction, Work.PartProgress... parts) {
        this.nextWork = new Work("", 10, "Frame and arms", instruction, false, List.of(parts));
    }

    @Override
    public ScanVerdict installPart(String stationId, UUID scanId, String serial, String partBarcode, String actor) {
        known(stationId);
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
                    actor));
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
                actor));
    }

    @Override
    public Optional<Work> currentWork(String stationId, String serial) {
        known(stationId);
        return Optional.ofNullable(work.get(serial));
    }

    @Override
    public List<ScanVerdict> recentScans(String stationId, int limit) {
        return scans.stream()
                .filter(s -> s.stationId().equals(stationId))
                .limit(limit)
                .toList();
    }

    @Override
    public List<StationInfo> stations() {
        return stations;
    }

    @Override
    public LineStatus lineStatus(String lineId) {
        return new LineStatus(lineId, List.of(), 0, 0, 0);
    }
}
