package com.linetrace.tracking.route;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.MasterDataChanged;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.tracking.AuditTrail;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataEditor.LineSpec;
import com.linetrace.tracking.api.MasterDataEditor.ModelSpec;
import com.linetrace.tracking.api.MasterDataEditor.OperationSpec;
import com.linetrace.tracking.api.MasterDataEditor.PartSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteState;
import com.linetrace.tracking.api.MasterDataEditor.RouteVersion;
import com.linetrace.tracking.api.MasterDataEditor.StationSpec;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.label.LabelExports;
import com.linetrace.tracking.label.LabelSheet;
import com.linetrace.web.signature.ElectronicSignatures.Signature;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps master data valid: every rule a line, station, model or route must meet is checked here, for the API and
 * the UI alike, and a refusal says in words what to change. Every change is an audit action ({@link
 * MasterDataChanged}: what it was and what it is, as the api shows it) in the transaction of the change.
 */
@Service
class MasterDataService {

    private static final Logger log = LoggerFactory.getLogger(MasterDataService.class);

    private static final Set<String> MODULES =
            Arrays.stream(FirmwareModule.values()).map(Enum::name).collect(Collectors.toSet());

    /** Master data as the audit actions show it: the api's records, fields in their declared order. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MasterData masterData;
    private final Validator validator;
    private final AuditTrail audit;

    MasterDataService(MasterData masterData, Validator validator, AuditTrail audit) {
        this.masterData = masterData;
        this.validator = validator;
        this.audit = audit;
    }

    List<LineSpec> lines() {
        return masterData.lines().stream()
                .map(line -> new LineSpec(line.id(), line.name()))
                .toList();
    }

    List<StationSpec> stations(LineId lineId) {
        requireLine(lineId);
        return masterData.stationsOf(lineId.value()).stream()
                .map(s -> new StationSpec(s.id(), s.lineId(), s.kind(), s.flowOrder(), s.name(), s.allowedRoles()))
                .toList();
    }

    List<ModelSpec> models() {
        return masterData.models().stream()
                .map(model -> new ModelSpec(model.id(), model.name()))
                .toList();
    }

    /** A model's route versions, newest first, each with where it stands (the first approved one is current). */
    List<RouteVersion> routes(String model) {
        var saved = masterData.routes(model);
        int current = saved.stream()
                .filter(MasterData.Saved::approved)
                .mapToInt(s -> s.route().version())
                .max()
                .orElse(0);
        return saved.stream().map(s -> version(model, s, current)).toList();
    }

    private static RouteVersion version(String model, MasterData.Saved saved, int current) {
        int version = saved.route().version();
        var state =
                !saved.approved() ? RouteState.DRAFT : version == current ? RouteState.CURRENT : RouteState.SUPERSEDED;
        return new RouteVersion(
                model,
                version,
                state,
                saved.createdAt(),
                saved.createdBy(),
                saved.approvedBy(),
                saved.approvedAt(),
                spec(saved.route()));
    }

    /** The version new units of a model follow, as the api shows it; empty when none is approved. */
    Optional<RouteVersion> currentRoute(String model) {
        return routes(model).stream()
                .filter(v -> v.state() == RouteState.CURRENT)
                .findFirst();
    }

    /** Refuses, before anyone signs, an approval of a version that does not exist, or without a reason. */
    static String approvalReason(@Nullable String reason) {
        var text = reason == null ? "" : reason.strip();
        if (text.length() < 3 || text.length() > 500) {
            throw new MasterDataRefusedException("An approval needs a reason of 3 to 500 characters");
        }
        return text;
    }

    void requireRouteVersion(String model, int version) {
        if (masterData.routeVersion(model, version).isEmpty()) {
            throw new MasterDataRefusedException(
                    TrackingProblem.UNKNOWN_ROUTE, "Model " + model + " has no route version " + version);
        }
    }

    /**
     * Approves a draft route version, signed: from now on new units of the model follow it. Recorded as a master data
     * change (the version in force before and after) and as the signature, in the approval's transaction.
     */
    @Transactional
    RouteVersion approveRoute(String model, int version, String reason, Signature signature) {
        var approver = signature.signer();
        var draft = masterData
                .lockRoute(model, version)
                .orElseThrow(() -> new MasterDataRefusedException(
                        TrackingProblem.UNKNOWN_ROUTE, "Model " + model + " has no route version " + version));
        if (draft.approved()) {
            throw new MasterDataRefusedException(
                    TrackingProblem.ROUTE_STATE,
                    "Version " + version + " of the " + model + " route is approved already, by " + draft.approvedBy());
        }
        if (draft.createdBy().equals(approver)) {
            throw new MasterDataRefusedException(
                    TrackingProblem.FOUR_EYES,
                    "Version " + version + " of the " + model + " route was saved by " + approver
                            + ": saving and approving a route must be by two different people (four eyes)."
                            + " Ask another member of quality to approve it");
        }
        var before = currentRoute(model).orElse(null);
        if (before != null && before.version() > version) {
            throw new MasterDataRefusedException(
                    TrackingProblem.ROUTE_STATE,
                    "Version " + before.version() + " of the " + model + " route is newer and approved; version "
                            + version + " would never be followed");
        }
        masterData.approveRoute(model, version, approver, signature.signedAt());
        var after = currentRoute(model).orElseThrow();
        changed("route", model, before, after);
        signature.record(reason);
        log.info("{} approved route version {} of {}", approver, version, model);
        return after;
    }

    @Transactional
    void addLine(LineSpec line, String actor) {
        requireValid(line);
        addOnce("Line " + line.id(), () -> masterData.addLine(line.id(), line.name()));
        changed("line", line.id(), null, line);
        log.info("{} added line {}", actor, line.id());
    }

    @Transactional
    void addStation(StationSpec station, String actor) {
        requireValid(station);
        requireKind(station.kind());
        requireRoles(station.allowedRoles());
        if (!masterData.lineExists(station.lineId())) {
            throw new MasterDataRefusedException("No line has the id " + station.lineId());
        }
        addOnce(
                "Station " + station.id(),
                () -> masterData.addStation(new Station(
                        station.id(),
                        station.lineId(),
                        station.kind(),
                        station.flowOrder(),
                        station.name(),
                        station.allowedRoles())));
        changed("station", station.id(), null, station);
        log.info("{} added station {} ({}) to line {}", actor, station.id(), station.kind(), station.lineId());
    }

    @Transactional
    void updateStation(StationSpec station, String actor) {
        requireValid(station);
        requireRoles(station.allowedRoles());
        var existing = masterData
                .station(station.id())
                .orElseThrow(() -> new MasterDataRefusedException("No station has the id " + station.id()));
        // Units on their way were routed by kind and line; a station doing other work is a new station.
        if (!existing.lineId().equals(station.lineId()) || !existing.kind().equals(station.kind())) {
            throw new MasterDataRefusedException("Station " + station.id() + " stays on line " + existing.lineId()
                    + " as " + existing.kind() + "; for other work add a new station");
        }
        masterData.updateStation(station.id(), station.flowOrder(), station.name(), station.allowedRoles());
        changed(
                "station",
                station.id(),
                new StationSpec(
                        existing.id(),
                        existing.lineId(),
                        existing.kind(),
                        existing.flowOrder(),
                        existing.name(),
                        existing.allowedRoles()),
                station);
        log.info("{} changed station {}", actor, station.id());
    }

    @Transactional
    void addModel(ModelSpec model, String actor) {
        requireValid(model);
        addOnce("Model " + model.id(), () -> masterData.addModel(model.id(), model.name()));
        changed("model", model.id(), null, model);
        log.info("{} added model {}", actor, model.id());
    }

    @Transactional
    RouteVersion addRoute(String model, RouteSpec route, String actor) {
        requireValid(route);
        if (!masterData.modelExists(model)) {
            throw new MasterDataRefusedException("No model has the id " + model);
        }
        int last = 0;
        for (var op : route.operations()) {
            requireKind(op.stationKind());
            if (op.stationKind().equals(Route.REPAIR)) {
                throw new MasterDataRefusedException("Operation " + op.seq()
                        + ": a failed unit goes to REPAIR by the rework rule; a route does not name REPAIR");
            }
            if (op.seq() <= last) {
                throw new MasterDataRefusedException(
                        "Operation numbers must be unique and ascending; " + op.seq() + " comes after " + last);
            }
            last = op.seq();
            var partNumbers = new HashSet<String>();
            for (var part : op.parts()) {
                if (!partNumbers.add(part.partNumber())) {
                    throw new MasterDataRefusedException("Operation " + op.seq() + " lists part " + part.partNumber()
                            + " twice; give its quantity once");
                }
            }
        }
        var modules = new HashSet<String>();
        for (var module : route.firmwareModules()) {
            if (!MODULES.contains(module) || !modules.add(module)) {
                throw new MasterDataRefusedException("Firmware modules are distinct names among "
                        + MODULES.stream().sorted().toList() + "; " + module + " is not");
            }
        }
        boolean provisioned = !route.firmwareModules().isEmpty() || route.requiresKey();
        if (provisioned && !route.operations().getLast().stationKind().equals(Route.PACK)) {
            throw new MasterDataRefusedException(
                    "A route that requires firmware or a key ends with a PACK operation, where they are checked");
        }
        var operations = route.operations().stream()
                .map(op -> new Operation(
                        op.seq(),
                        op.name(),
                        op.stationKind(),
                        op.instruction(),
                        op.parts().stream()
                                .map(p -> new Part(p.partNumber(), p.description(), p.quantity(), p.serialized()))
                                .toList()))
                .toList();
        // Checked before anything is saved: a route too large to be recorded in the ledger is not saved either.
        requireRecordable(route);
        try {
            var before = routes(model).stream().findFirst().orElse(null);
            // A new version is a draft: no unit follows it until it is approved (DD021).
            var saved = masterData.addRoute(
                    model, route.maxFailures(), operations, route.firmwareModules(), route.requiresKey(), actor);
            log.info("{} saved route version {} of {}", actor, saved.version(), model);
            var after = routes(model).stream()
                    .filter(version -> version.version() == saved.version())
                    .findFirst()
                    .orElseThrow();
            changed("route", model, before, after);
            return after;
        } catch (DuplicateKeyException e) {
            // Two engineers saved a version of the same route at once: the unique version keeps one.
            throw new MasterDataRefusedException(
                    TrackingProblem.ALREADY_EXISTS,
                    "Someone saved a version of the " + model + " route at the same moment; reload it and save again");
        }
    }

    /** The ID labels of a line's stations: what the sheet is, and its PDF when asked for. */
    record StationLabels(LabelExports.Sheet sheet, Supplier<byte[]> pdf) {}

    StationLabels stationLabels(LineId lineId) {
        requireLine(lineId);
        var stations = masterData.stationsOf(lineId.value());
        if (stations.isEmpty()) {
            throw new MasterDataRefusedException("Line " + lineId + " has no stations");
        }
        return new StationLabels(
                new LabelExports.Sheet(
                        "station-labels", "line=" + lineId, stations.size(), "stations-" + lineId + ".pdf"),
                () -> LabelSheet.sheet(
                        "Station labels " + lineId,
                        "Line " + lineId + " — " + stations.size() + " stations",
                        stations.stream()
                                .map(s -> new LabelSheet.Label(s.id(), s.id() + " · " + s.name()))
                                .toList()));
    }

    /** Records the change, with what it was (null when new) and what it is, as the api shows them. */
    private void changed(String subject, String id, @Nullable Object before, Object after) {
        var was = before == null ? null : JSON.writeValueAsString(before);
        // A version saved before routes were bounded could be too large to quote: named by its number instead.
        if (was != null && was.length() > MasterDataChanged.MAX_STATE && before instanceof RouteVersion old) {
            was = JSON.writeValueAsString(java.util.Map.of("model", old.model(), "version", old.version()));
        }
        audit.record(new MasterDataChanged(subject, id, was, JSON.writeValueAsString(after)));
    }

    private static void requireRecordable(RouteSpec route) {
        // The saved version adds its model, number, author and time: a few hundred characters at most.
        int length = JSON.writeValueAsString(route).length() + 500;
        if (length > MasterDataChanged.MAX_STATE) {
            throw new MasterDataRefusedException("This route is " + length + " characters as JSON; at most "
                    + MasterDataChanged.MAX_STATE + " can be recorded in the audit ledger. Shorten its instructions"
                    + " or descriptions");
        }
    }

    /** Runs an insert of something with an id; when the id is taken, says so as a conflict. */
    private static void addOnce(String what, Runnable insert) {
        try {
            insert.run();
        } catch (DuplicateKeyException e) {
            throw new MasterDataRefusedException(TrackingProblem.ALREADY_EXISTS, what + " already exists");
        }
    }

    private static RouteSpec spec(Route route) {
        return new RouteSpec(
                route.maxFailures(),
                route.operations().stream()
                        .map(op -> new OperationSpec(
                                op.seq(),
                                op.name(),
                                op.stationKind(),
                                op.instruction(),
                                op.parts().stream()
                                        .map(p -> new PartSpec(
                                                p.partNumber(), p.description(), p.quantity(), p.serialized()))
                                        .toList()))
                        .toList(),
                route.firmwareModules(),
                route.requiresKey());
    }

    /** Bean Validation's verdict on a record, as one sentence naming each field that is wrong. */
    private void requireValid(Object spec) {
        var violations = validator.validate(spec);
        if (!violations.isEmpty()) {
            throw new MasterDataRefusedException(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
    }

    private void requireLine(LineId lineId) {
        if (!masterData.lineExists(lineId.value())) {
            throw new MasterDataRefusedException(TrackingProblem.UNKNOWN_LINE, "No line has the id '" + lineId + "'");
        }
    }

    private static void requireKind(String kind) {
        if (!MasterDataEditor.STATION_KINDS.contains(kind)) {
            throw new MasterDataRefusedException(
                    "Station kind must be one of " + MasterDataEditor.STATION_KINDS + "; " + kind + " is not");
        }
    }

    private static void requireRoles(List<String> roles) {
        if (!Roles.ALL.containsAll(roles)) {
            throw new MasterDataRefusedException("Allowed roles are among " + Roles.ALL);
        }
    }
}
