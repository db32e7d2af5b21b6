package com.linetrace.tracking.route;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.label.LabelExports;
import com.linetrace.web.signature.ElectronicSignatures;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link MasterDataEditor}, for engineers and admins over HTTP and in the UI alike: the mappings are the
 * interface's, the roles are checked here, the rules are {@link MasterDataService}'s.
 */
@RestController
class MasterDataController implements MasterDataEditor {

    /** Who may sign a route version's approval: quality, or an admin where the plant has no quality engineer. */
    static final Set<String> ROUTE_APPROVERS = Set.of(Roles.QUALITY, Roles.ADMIN);

    private final MasterDataService masterData;
    private final LabelExports exports;
    private final ElectronicSignatures signatures;

    MasterDataController(
            MasterDataService masterData,
            LabelExports exports,
            @Qualifier("trackingSignatures") ElectronicSignatures signatures) {
        this.masterData = masterData;
        this.exports = exports;
        this.signatures = signatures;
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
        return masterData
                .currentRoute(model)
                .orElseThrow(() -> new MasterDataRefusedException(
                        TrackingProblem.UNKNOWN_ROUTE, "Model " + model + " has no approved route"));
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

    /**
     * Signed by the caller: any person's role reaches it, and the signature decides who may sign ({@link
     * #ROUTE_APPROVERS}), so that a refusal of someone not allowed is in the ledger too (DD018).
     */
    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public RouteVersion approveRoute(String model, int version, RouteApproval approval) {
        var why = MasterDataService.approvalReason(approval.reason());
        masterData.requireRouteVersion(model, version);
        var signature = signatures.sign(
                SignedAction.ROUTE_APPROVAL, model + " v" + version, null, approval.signature(), ROUTE_APPROVERS);
        return masterData.approveRoute(model, version, why, signature);
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
