package com.linetrace.tracking.station;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.Work;
import com.linetrace.tracking.material.MaterialRepository;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.UnitRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What a station's terminal and the line's dashboard read: the work on a unit checked in, a station's latest scans,
 * the stations, and a line's status. Nothing here locks or changes a unit.
 */
@Service
class StationReads {

    private final MasterData masterData;
    private final UnitRepository units;
    private final ScanRepository scans;
    private final MaterialRepository materials;

    StationReads(MasterData masterData, UnitRepository units, ScanRepository scans, MaterialRepository materials) {
        this.masterData = masterData;
        this.units = units;
        this.scans = scans;
        this.materials = materials;
    }

    Station station(StationId stationId) {
        return masterData.station(stationId.value()).orElseThrow(() -> new UnknownStationException(stationId));
    }

    /** The work a station has on a unit checked in there, or the 404 {@code not-checked-in}. */
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

    /** The operation's parts and how many are installed in the unit; none to scan at repair. */
    Work work(Serial serial, Operation operation, boolean rework) {
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
}
