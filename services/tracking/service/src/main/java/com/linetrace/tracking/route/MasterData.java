package com.linetrace.tracking.route;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes lines, stations, models and routes. */
@Repository
public class MasterData {

    private final JdbcClient jdbc;
    // A route version never changes once written, so it is read once per process.
    private final Map<Long, Route> routes = new ConcurrentHashMap<>();

    MasterData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Station> station(String id) {
        return jdbc.sql(
                        "select id, line_id, kind, flow_order, name, allowed_roles from tracking.station where id = :id")
                .param("id", id)
                .query(MasterData::station)
                .optional();
    }

    public List<Station> stations() {
        return jdbc.sql(
                        "select id, line_id, kind, flow_order, name, allowed_roles from tracking.station order by line_id, flow_order, id")
                .query(MasterData::station)
                .list();
    }

    public List<Station> stationsOf(String lineId) {
        return jdbc.sql(
                        "select id, line_id, kind, flow_order, name, allowed_roles from tracking.station where line_id = :line"
                                + " order by flow_order, id")
                .param("line", lineId)
                .query(MasterData::station)
                .list();
    }

    public boolean hasLines() {
        return jdbc.sql("select exists (select 1 from tracking.line)")
                .query(Boolean.class)
                .single();
    }

    public boolean lineExists(String lineId) {
        return jdbc.sql("select exists (select 1 from tracking.line where id = :id)")
                .param("id", lineId)
                .query(Boolean.class)
                .single();
    }

    public void addLine(String id, String name) {
        jdbc.sql("insert into tracking.line (id, name) values (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
    }

    public void addStation(Station station) {
        jdbc.sql("insert into tracking.station (id, line_id, kind, flow_order, name, allowed_roles)"
                        + " values (:id, :lineId, :kind, :flowOrder, :name, :roles)")
                .param("id", station.id())
                .param("lineId", station.lineId())
                .param("kind", station.kind())
                .param("flowOrder", station.flowOrder())
                .param("name", station.name())
                .param("roles", station.allowedRoles().toArray(String[]::new))
                .update();
    }

    /** Renames a station, moves it in the flow or changes its roles; false when there is no such station. */
    public boolean updateStation(String id, int flowOrder, String name, List<String> allowedRoles) {
        return jdbc.sql("update tracking.station set flow_order = :flowOrder, name = :name, allowed_roles = :roles"
                                + " where id = :id")
                        .param("id", id)
                        .param("flowOrder", flowOrder)
                        .param("name", name)
                        .param("roles", allowedRoles.toArray(String[]::new))
                        .update()
                == 1;
    }

    public record Named(String id, String name) {}

    public List<Named> lines() {
        return jdbc.sql("select id, name from tracking.line order by id")
                .query(Named.class)
                .list();
    }

    public List<Named> models() {
        return jdbc.sql("select id, name from tracking.product_model order by id")
                .query(Named.class)
                .list();
    }

    public boolean modelExists(String model) {
        return jdbc.sql("select exists (select 1 from tracking.product_model where id = :id)")
                .param("id", model)
                .query(Boolean.class)
                .single();
    }

    /**
     * A saved route version with who saved it and when, and who approved it and when (both null for a draft, which no
     * unit follows).
     */
    public record Saved(
            Route route,
            Instant createdAt,
            String createdBy,
            @Nullable String approvedBy,
            @Nullable Instant approvedAt) {

        public boolean approved() {
            return approvedAt != null;
        }
    }

    private static final String SAVED =
            "select id, created_at, created_by, approved_by, approved_at from tracking.route";

    /** A model's route versions, newest first. */
    public List<Saved> routes(String model) {
        return jdbc.sql(SAVED + " where model_id = :model order by version desc")
                .param("model", model)
                .query(this::saved)
                .list();
    }

    /** One version of a model's route, locked until the transaction ends: its approval is decided once. */
    public Optional<Saved> lockRoute(String model, int version) {
        return jdbc.sql(SAVED + " where model_id = :model and version = :version for update")
                .param("model", model)
                .param("version", version)
                .query(this::saved)
                .optional();
    }

    /** One version of a model's route. */
    public Optional<Saved> routeVersion(String model, int version) {
        return jdbc.sql(SAVED + " where model_id = :model and version = :version")
                .param("model", model)
                .param("version", version)
                .query(this::saved)
                .optional();
    }

    /** Approves a draft: new units of the model follow it from now on, unless a newer version is approved later. */
    public void approveRoute(String model, int version, String actor, Instant at) {
        jdbc.sql("update tracking.route set approved_by = :actor, approved_at = :at"
                        + " where model_id = :model and version = :version and approved_at is null")
                .param("model", model)
                .param("version", version)
                .param("actor", actor)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    private Saved saved(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var approvedAt = rs.getTimestamp(5);
        return new Saved(
                route(rs.getLong(1)),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                approvedAt == null ? null : approvedAt.toInstant());
    }

    private static Station station(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Station(
                rs.getString("id"),
                rs.getString("line_id"),
                rs.getString("kind"),
                rs.getInt("flow_order"),
                rs.getString("name"),
                List.of((String[]) rs.getArray("allowed_roles").getArray()));
    }

    public void addModel(String id, String name) {
        jdbc.sql("insert into tracking.product_model (id, name) values (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
    }

    /**
     * Adds the next version of a model's route as a draft and returns it: no unit follows it until it is approved
     * ({@link #approveRoute}); units already started keep their version.
     */
    public Route addRoute(
            String model,
            int maxFailures,
            List<Operation> operations,
            List<String> firmwareModules,
            boolean requiresKey,
            String actor) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from tracking.route where model_id = :model")
                .param("model", model)
                .query(Integer.class)
                .single();
        long id = jdbc.sql(
                        "insert into tracking.route (model_id, version, max_failures, firmware_modules, requires_key,"
                                + " created_by) values (:model, :version, :maxFailures, :modules, :requiresKey, :actor)"
                                + " returning id")
                .param("model", model)
                .param("version", version)
                .param("maxFailures", maxFailures)
                .param("modules", firmwareModules.toArray(String[]::new))
                .param("requiresKey", requiresKey)
                .param("actor", actor)
                .query(Long.class)
                .single();
        for (var op : operations) {
            jdbc.sql("insert into tracking.route_operation (route_id, seq, name, station_kind, instruction)"
                            + " values (:route, :seq, :name, :stationKind, :instruction)")
                    .param("route", id)
                    .param("seq", op.seq())
                    .param("name", op.name())
                    .param("stationKind", op.stationKind())
                    .param("instruction", op.instruction())
                    .update();
            for (var part : op.parts()) {
                jdbc.sql(
                                "insert into tracking.route_part (route_id, seq, part_number, description, quantity, serialized)"
                                        + " values (:route, :seq, :partNumber, :description, :quantity, :serialized)")
                        .param("route", id)
                        .param("seq", op.seq())
                        .param("partNumber", part.partNumber())
                        .param("description", part.description())
                        .param("quantity", part.quantity())
                        .param("serialized", part.serialized())
                        .update();
            }
        }
        return new Route(id, model, version, maxFailures, operations, firmwareModules, requiresKey);
    }

    /** The newest approved route version of a model: the one new units follow. Drafts are not followed. */
    public Optional<Route> currentRoute(String model) {
        return jdbc.sql("select id from tracking.route where model_id = :model and approved_at is not null"
                        + " order by version desc limit 1")
                .param("model", model)
                .query(Long.class)
                .optional()
                .map(this::route);
    }

    public Route route(long id) {
        return routes.computeIfAbsent(id, this::load);
    }

    private Route load(long id) {
        record Head(String model, int version, int maxFailures, List<String> modules, boolean requiresKey) {}
        var head = jdbc.sql("select model_id, version, max_failures, firmware_modules, requires_key from tracking.route"
                        + " where id = :id")
                .param("id", id)
                .query((rs, n) -> new Head(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getBoolean(5)))
                .single();
        var parts = jdbc.sql("select seq, part_number, description, quantity, serialized from tracking.route_part"
                        + " where route_id = :id order by seq, part_number")
                .param("id", id)
                .query((rs, n) -> Map.entry(
                        rs.getInt(1), new Part(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5))))
                .list();
        var operations = jdbc.sql("select seq, name, station_kind, instruction from tracking.route_operation"
                        + " where route_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> {
                    int seq = rs.getInt(1);
                    return new Operation(
                            seq,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            parts.stream()
                                    .filter(p -> p.getKey() == seq)
                                    .map(Map.Entry::getValue)
                                    .toList());
                })
                .list();
        return new Route(
                id, head.model(), head.version(), head.maxFailures(), operations, head.modules(), head.requiresKey());
    }

    /** The models that have an approved route, so that work orders can be released for them, by id. */
    public List<Named> modelsWithRoute() {
        return jdbc.sql("select m.id, m.name from tracking.product_model m where exists"
                        + " (select 1 from tracking.route r where r.model_id = m.id and r.approved_at is not null)"
                        + " order by m.id")
                .query(Named.class)
                .list();
    }
}
