package com.linetrace.trace.query;

import com.linetrace.trace.api.UnitStatus;
import com.linetrace.trace.api.UnitSummary;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a unit's row reads as a {@link UnitSummary}; every query selects {@link #COLUMNS} of {@code trace.unit u}. */
final class UnitRows {

    static final String COLUMNS = "u.serial, u.model, u.work_order, u.route_version, u.line, u.status, u.held,"
            + " u.last_station, u.next_operation, u.first_seen_at, u.last_event_at";

    private UnitRows() {}

    static UnitSummary summary(ResultSet rs, int row) throws SQLException {
        return new UnitSummary(
                rs.getString("serial"),
                rs.getString("model"),
                rs.getString("work_order"),
                rs.getObject("route_version", Integer.class),
                rs.getString("line"),
                UnitStatus.valueOf(rs.getString("status")),
                rs.getBoolean("held"),
                rs.getString("last_station"),
                rs.getObject("next_operation", Integer.class),
                rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_event_at").toInstant());
    }
}
