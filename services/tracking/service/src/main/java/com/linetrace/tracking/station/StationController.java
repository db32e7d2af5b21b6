package com.linetrace.tracking.station;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.Work;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link StationOperations}, for the stations' HTTP API and for the UI in-process alike: the mappings are the
 * interface's, the roles are checked here, and the worker is the caller.
 */
@RestController
class StationController implements StationOperations {

    private final StationWork work;
    private final StationReads reads;

    StationController(StationWork work, StationReads reads) {
        this.work = work;
        this.reads = reads;
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public ScanVerdict checkIn(StationId stationId, CheckIn scan) {
        return work.checkIn(stationId, scan, Caller.name());
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public ScanVerdict checkOut(StationId stationId, CheckOut checkOut) {
        return work.checkOut(stationId, checkOut, Caller.name());
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public ScanVerdict installPart(StationId stationId, PartScan part) {
        return work.installPart(stationId, part, Caller.name());
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    public Work work(StationId stationId, Serial serial) {
        return reads.work(stationId, serial);
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<ScanVerdict> recentScans(StationId stationId, int limit) {
        return reads.recentScans(stationId, limit);
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<StationInfo> stations() {
        return reads.stations();
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public LineStatus lineStatus(LineId lineId) {
        return reads.lineStatus(lineId);
    }
}
