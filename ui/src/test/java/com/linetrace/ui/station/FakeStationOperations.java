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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tracking as a terminal sees it: answers that a test sets, and the scans it was sent. */
class FakeStationOperations implements StationOperations {

    record CheckOut(String stationId, String barcode, Result result, List<String> defects, String actor) {}

    final List<StationInfo> stations = List.of(
            new StationInfo("ASM-1", "L1", "ASSEMBLY", 1, "Assembly 1"),
            new StationInfo("ASM-2", "L1", "ASSEMBLY", 2, "Assembly 2"));
    final List<ScanVerdict> scans = new ArrayList<>();
    final List<CheckOut> checkOuts = new ArrayList<>();

    private Refusal refusal;
    private String refusalMessage = "";

    void refuseNextScans(Refusal refusal, String message) {
        this.refusal = refusal;
        this.refusalMessage = message;
    }

    @Override
    public ScanVerdict checkIn(String stationId, UUID scanId, String barcode, String actor) {
        known(stationId);
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

    @Override
    public ScanVerdict installPart(String stationId, UUID scanId, String serial, String partBarcode, String actor) {
        known(stationId);
        return record(new ScanVerdict(
                scanId,
                stationId,
                Action.INSTALL_PART,
                Verdict.ACCEPTED,
                null,
                "Installed " + partBarcode,
                serial,
                20,
                "Propulsion",
                Instant.now(),
                actor));
    }

    @Override
    public java.util.Optional<com.linetrace.tracking.api.Work> currentWork(String stationId, String serial) {
        known(stationId);
        return java.util.Optional.empty();
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
