package com.linetrace.trace.query;

import com.linetrace.trace.api.SearchCriteria;
import com.linetrace.trace.api.UnitStatus;
import com.linetrace.trace.api.UnitSummary;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search's SQL: the most selective criterion given drives it (walks its index in the page's keyset order), the
 * others filter each candidate through the primary keys' serial prefix. See DD014 for the plans.
 */
class SearchRepository {

    /** The criterion that drives a search, most selective first. */
    enum Driver {
        SERIAL,
        PART_SERIAL,
        WORK_ORDER,
        LOT,
        DEFECT,
        STATION,
        FIRMWARE_VERSION,
        STATUS;

        /** True when the pages are in the order units reached the station, not in serial order. */
        boolean timeOrdered() {
            return this == STATION;
        }
    }

    /** A unit of a page and its place in the page's order. */
    record Hit(UnitSummary unit, @Nullable Timestamp at) {}

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Driver driver(SearchCriteria c) {
        if (c.serial() != null) {
            return Driver.SERIAL;
        }
        if (c.partSerial() != null) {
            return Driver.PART_SERIAL;
        }
        if (c.workOrder() != null) {
            return Driver.WORK_ORDER;
        }
        if (c.lot() != null) {
            return Driver.LOT;
        }
        if (c.defect() != null) {
            return Driver.DEFECT;
        }
        if (c.station() != null) {
            return Driver.STATION;
        }
        // A firmware version is in nearly every unit of its model; any status but COMPLETED is a small set.
        if (c.status() != null && c.status() != UnitStatus.COMPLETED) {
            return Driver.STATUS;
        }
        if (c.firmwareVersion() != null) {
            return Driver.FIRMWARE_VERSION;
        }
        return Driver.STATUS;
    }

    /** True when the driver is the search's only criterion (a part number goes with its lot). */
    private static boolean onlyCriterion(SearchCriteria c, Driver driver) {
        var given = java.util.stream.Stream.of(
                        c.serial(),
                        c.workOrder(),
                        c.lot(),
                        c.partSerial(),
                        c.firmwareVersion(),
                        c.station(),
                        c.defect(),
                        c.status())
                .filter(java.util.Objects::nonNull)
                .count();
        return given == 1 && driver != Driver.STATION;
    }

    /** A search's SQL and its parameters. */
    record Statement(String sql, Map<String, Object> params) {}

    List<Hit> page(SearchCriteria c, Driver driver, @Nullable Cursor after, int limit) {
        var statement = statement(c, driver, after, limit);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, row) -> new Hit(UnitRows.summary(rs, row), rs.getTimestamp("place")))
                .list();
    }

    static Statement statement(SearchCriteria c, Driver driver, @Nullable Cursor after, int limit) {
        var filters = new ArrayList<String>();
        String sql;
        if (driver.timeOrdered()) {
            // A unit's first visit to the station within the window places it; later visits (rework) do not repeat it.
            sql = "select " + UnitRows.COLUMNS + ", v.arrived_at as place from trace.operation_visit v"
                    + " join trace.unit u on u.serial = v.serial"
                    + " where v.station = :station and v.arrived_at >= :from and v.arrived_at < :to"
                    + (after == null ? "" : " and (v.arrived_at, v.serial) > (:afterAt, :after)")
                    + " and not exists (select 1 from trace.operation_visit e where e.serial = v.serial"
                    + " and e.station = v.station and e.arrived_at >= :from"
                    + " and (e.arrived_at, e.event_id) < (v.arrived_at, v.event_id))";
        } else if (driver == Driver.SERIAL || driver == Driver.WORK_ORDER || driver == Driver.STATUS) {
            var criterion = switch (driver) {
                case SERIAL -> "u.serial = :serial";
                case WORK_ORDER -> "u.work_order = :workOrder";
                default -> "u.status = :status";
            };
            sql = "select " + UnitRows.COLUMNS + ", null::timestamptz as place from trace.unit u where " + criterion
                    + " and u.serial > :after";
        } else {
            var candidates = switch (driver) {
                case PART_SERIAL -> "trace.installed_part d where d.part_serial = :partSerial";
                case LOT ->
                    "trace.installed_part d where d.lot = :lot"
                            + (c.partNumber() == null ? "" : " and d.part_number = :partNumber");
                case DEFECT -> "trace.unit_defect d where d.defect = :defect";
                default -> "trace.module_firmware d where d.version = :firmwareVersion";
            };
            if (onlyCriterion(c, driver)) {
                // The page is cut among the candidates, as where-used does: with the limit outside, the planner may
                // read and de-duplicate every unit of a version before it cuts the page (run 4 of docs/trace-scale.md).
                sql = "select " + UnitRows.COLUMNS + ", null::timestamptz as place from (select distinct d.serial from "
                        + candidates + " and d.serial > :after order by d.serial limit :limit) c"
                        + " join trace.unit u on u.serial = c.serial where true";
            } else {
                // Filters follow, so the page cannot be cut among the candidates. As a semi-join the planner chooses
                // per criterion whether to walk the units in serial order and probe the criterion's rows, or to
                // collect the few that match and sort them; the walk starts at the first candidate (one index probe),
                // not at the first unit: a version of last month starts deep in the serials.
                sql = "select " + UnitRows.COLUMNS + ", null::timestamptz as place from trace.unit u"
                        + " where u.serial > :after and u.serial >= (select min(d.serial) from " + candidates
                        + " and d.serial > :after) and exists (select 1 from " + candidates
                        + " and d.serial > :after and d.serial = u.serial)";
            }
        }
        if (driver != Driver.SERIAL && c.serial() != null) {
            filters.add("u.serial = :serial");
        }
        if (driver != Driver.WORK_ORDER && c.workOrder() != null) {
            filters.add("u.work_order = :workOrder");
        }
        if (driver != Driver.STATUS && c.status() != null) {
            filters.add("u.status = :status");
        }
        if (driver != Driver.PART_SERIAL && c.partSerial() != null) {
            filters.add("exists (select 1 from trace.installed_part p where p.serial = u.serial"
                    + " and p.part_serial = :partSerial)");
        }
        if (driver != Driver.LOT && c.lot() != null) {
            filters.add("exists (select 1 from trace.installed_part p where p.serial = u.serial and p.lot = :lot"
                    + (c.partNumber() == null ? "" : " and p.part_number = :partNumber") + ")");
        }
        if (driver != Driver.DEFECT && c.defect() != null) {
            filters.add("exists (select 1 from trace.unit_defect d where d.defect = :defect and d.serial = u.serial)");
        }
        if (driver != Driver.STATION && c.station() != null) {
            filters.add("exists (select 1 from trace.operation_visit w where w.serial = u.serial"
                    + " and w.station = :station and w.arrived_at >= :from and w.arrived_at < :to)");
        }
        if (driver != Driver.FIRMWARE_VERSION && c.firmwareVersion() != null) {
            filters.add("exists (select 1 from trace.module_firmware f where f.serial = u.serial"
                    + " and f.version = :firmwareVersion)");
        }
        for (var filter : filters) {
            sql += " and " + filter;
        }
        sql += driver.timeOrdered() ? " order by v.arrived_at, v.serial" : " order by u.serial";
        sql += " limit :limit";
        var params = new HashMap<String, Object>();
        params.put("limit", limit);
        params.put("after", after == null ? "" : after.serial());
        if (after != null && after.at() != null) {
            params.put("afterAt", Timestamp.from(after.at()));
        }
        if (c.serial() != null) {
            params.put("serial", c.serial().value());
        }
        if (c.workOrder() != null) {
            params.put("workOrder", c.workOrder().value());
        }
        if (c.status() != null) {
            params.put("status", c.status().name());
        }
        if (c.partSerial() != null) {
            params.put("partSerial", c.partSerial());
        }
        if (c.lot() != null) {
            params.put("lot", c.lot());
        }
        if (c.partNumber() != null) {
            params.put("partNumber", c.partNumber());
        }
        if (c.defect() != null) {
            params.put("defect", c.defect());
        }
        if (c.station() != null) {
            params.put("station", c.station().value());
            params.put("from", Timestamp.from(c.from()));
            params.put("to", Timestamp.from(c.to()));
        }
        if (c.firmwareVersion() != null) {
            params.put("firmwareVersion", c.firmwareVersion());
        }
        return new Statement(sql, params);
    }
}
