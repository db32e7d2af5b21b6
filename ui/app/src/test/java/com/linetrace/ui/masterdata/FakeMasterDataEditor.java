package com.linetrace.ui.masterdata;

import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataRefusedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
    public List<StationSpec> stations(String lineId) {
        return stations.stream().filter(s -> s.lineId().equals(lineId)).toList();
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
    public void addLine(LineSpec line, String actor) {
        maybeRefuse();
        calls.add("addLine " + line.id() + " by " + actor);
        lines.add(line);
    }

    @Override
    public void addStation(StationSpec station, String actor) {
        maybeRefuse();
        calls.add("addStation " + station + " by " + actor);
        stations.add(station);
    }

    @Override
    public void updateStation(StationSpec station, String actor) {
        maybeRefuse();
        calls.add("updateStation " + station + " by " + actor);
        stations.replaceAll(s -> s.id().equals(station.id()) ? station : s);
    }

    @Override
    public void addModel(ModelSpec model, String actor) {
        maybeRefuse();
        calls.add("addModel " + model.id() + " by " + actor);
        models.add(model);
    }

    @Override
    public RouteVersion addRoute(String model, RouteSpec route, String actor) {
        maybeRefuse();
        calls.add("addRoute " + model + " by " + actor);
        var versions = new ArrayList<>(routes.getOrDefault(model, List.of()));
        var saved = new RouteVersion(model, versions.size() + 1, Instant.now(), actor, route);
        versions.addFirst(saved);
        routes.put(model, versions);
        return saved;
    }

    @Override
    public byte[] stationLabels(String lineId) {
        return "%PDF-fake".getBytes();
    }
}
