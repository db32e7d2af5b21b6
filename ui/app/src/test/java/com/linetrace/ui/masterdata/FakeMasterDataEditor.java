package com.linetrace.ui.masterdata;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.identity.api.SignatureProblem;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataRefusedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

/** Master data as the view sees it: kept in memory, with a refusal a test can set for the next write. */
class FakeMasterDataEditor implements MasterDataEditor {

    final List<LineSpec> lines = new ArrayList<>();
    final List<StationSpec> stations = new ArrayList<>();
    final List<ModelSpec> models = new ArrayList<>();
    final Map<String, List<RouteVersion>> routes = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private @Nullable String refusal;

    void refuseNext(String message) {
        refusal = message;
    }

    private void maybeRefuse() {
        var message = refusal;
        refusal = null;
        if (message != null) {
            throw new MasterDataRefusedException(message);
        }
    }

    @Override
    public List<LineSpec> lines() {
        return List.copyOf(lines);
    }

    @Override
    public List<StationSpec> stations(LineId lineId) {
        return stations.stream().filter(s -> s.lineId().equals(lineId.value())).toList();
    }

    @Override
    public List<ModelSpec> models() {
        return List.copyOf(models);
    }

    @Override
    public List<RouteVersion> routes(String model) {
        return List.copyOf(routes.getOrDefault(model, List.of()));
    }

    @Override
    public RouteVersion currentRoute(String model) {
        return routes(model).getFirst();
    }

    @Override
    public LineSpec addLine(LineSpec line) {
        maybeRefuse();
        calls.add("addLine " + line.id());
        lines.add(line);
        return line;
    }

    @Override
    public StationSpec addStation(StationSpec station) {
        maybeRefuse();
        calls.add("addStation " + station);
        stations.add(station);
        return station;
    }

    @Override
    public StationSpec updateStation(StationId stationId, StationSpec station) {
        maybeRefuse();
        calls.add("updateStation " + stationId + " " + station);
        stations.replaceAll(s -> s.id().equals(station.id()) ? station : s);
        return station;
    }

    @Override
    public ModelSpec addModel(ModelSpec model) {
        maybeRefuse();
        calls.add("addModel " + model.id());
        models.add(model);
        return model;
    }

    @Override
    public RouteVersion addRoute(String model, RouteSpec route) {
        maybeRefuse();
        calls.add("addRoute " + model);
        var versions = new ArrayList<>(routes.getOrDefault(model, List.of()));
        var saved = new RouteVersion(
                model, versions.size() + 1, RouteState.DRAFT, Instant.now(), "engineer", null, null, route);
        versions.addFirst(saved);
        routes.put(model, versions);
        return saved;
    }

    /** As tracking approves: the password must be the signer's demo password (their name), the author may not. */
    @Override
    public RouteVersion approveRoute(String model, int version, RouteApproval approval) {
        var signer = SecurityContextHolder.getContext().getAuthentication().getName();
        if (approval.signature() == null || !approval.signature().password().equals(signer)) {
            throw SignatureProblem.SIGNATURE_REFUSED.exception("The password is not yours: nothing was signed");
        }
        calls.add("approveRoute " + model + " " + version + " " + approval.reason() + " signed "
                + approval.signature().meaning());
        var versions = new ArrayList<RouteVersion>();
        RouteVersion approved = null;
        for (var v : routes.getOrDefault(model, List.of())) {
            if (v.version() == version) {
                approved = new RouteVersion(
                        model,
                        version,
                        RouteState.CURRENT,
                        v.createdAt(),
                        v.createdBy(),
                        signer,
                        Instant.now(),
                        v.route());
                versions.add(approved);
            } else if (v.state() == RouteState.CURRENT) {
                versions.add(new RouteVersion(
                        model,
                        v.version(),
                        RouteState.SUPERSEDED,
                        v.createdAt(),
                        v.createdBy(),
                        v.approvedBy(),
                        v.approvedAt(),
                        v.route()));
            } else {
                versions.add(v);
            }
        }
        routes.put(model, versions);
        return java.util.Objects.requireNonNull(approved);
    }

    @Override
    public ExportReceipt exportStationLabels(LineId lineId) {
        return new ExportReceipt("/srv/exports/stations-" + lineId + "-1.pdf", 9, "ab".repeat(32));
    }

    @Override
    public byte[] stationLabels(LineId lineId) {
        return "%PDF-fake".getBytes();
    }
}
