package com.linetrace.tracking.route;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.label.LabelExports;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link MasterDataEditor}, for engineers and admins over HTTP and in the UI alike: the mappings are the
 * interface's, the roles are checked here, the rules are {@link MasterDataService}'s.
 */
@RestController
class MasterDataController implements MasterDataEditor {

    private final MasterDataService masterData;
    private final LabelExports exports;

    MasterDataController(MasterDataService masterData, LabelExports exports) {
        this.masterData = masterData;
        this.exports = exports;
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    public List<LineSpec> lines() {
        return masterData.lines();
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    public List<StationSpec> stations(LineId lineId) {
        return masterData.stations(lineId);
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    public List<ModelSpec> models() {
        return masterData.models();
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    public List<RouteVersion> routes(String model) {
        return masterData.routes(model);
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    public RouteVersion currentRoute(String model) {
        return masterData.routes(model).stream()
                .findFirst()
                .orElseThrow(() -> new MasterDataRefusedException(
                        TrackingProblem.UNKNOWN_ROUTE, "Model " + model + " has no route"));
    }

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
    public LineSpec addLine(LineSpec line) {
        masterData.addLine(line, Caller.name());
        return line;
    }

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
    public StationSpec addStation(StationSpec station) {
        masterData.addStation(station, Caller.name());
        return station;
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
    public StationSpec updateStation(StationId stationId, StationSpec station) {
        if (!stationId.value().equals(station.id())) {
            throw new MasterDataRefusedException("The body's id " + station.id() + " is not the station " + stationId);
        }
        masterData.updateStation(station, Caller.name());
        return station;
    }

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
    public ModelSpec addModel(ModelSpec model) {
        masterData.addModel(model, Caller.name());
        return model;
    }

    @Override
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
    public RouteVersion addRoute(String model, RouteSpec route) {
        return masterData.addRoute(model, route, Caller.name());
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR})
    public byte[] stationLabels(LineId lineId) {
        var labels = masterData.stationLabels(lineId);
        return exports.handOut(labels.sheet(), labels.pdf());
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR})
    public ExportReceipt exportStationLabels(LineId lineId) {
        var labels = masterData.stationLabels(lineId);
        return exports.toFolder(labels.sheet(), labels.pdf());
    }
}
