package com.linetrace.trace.history;

import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.HistoryEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class HistoryRepository {

    private static final String COLUMNS = "event_id, type, occurred_at, line, station, serial, actor, summary";

    /** A serial's timeline, in the order of the index that covers it (db/changelog/trace/003-timeline-index.sql). */
    static final String TIMELINE =
            "select " + COLUMNS + " from trace.unit_event where serial = :serial order by occurred_at, event_id";

    private final JdbcClient jdbc;

    HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HistoryEntry> history(Serial serial) {
        return jdbc.sql(TIMELINE)
                .param("serial", serial.value())
                .query(HistoryRepository::entry)
                .list();
    }

    List<HistoryEntry> latest(String lineId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from trace.unit_event where line = :line"
                        + " order by occurred_at desc, event_id desc limit :limit")
                .param("line", lineId)
                .param("limit", limit)
                .query(HistoryRepository::entry)
                .list();
    }

    private static HistoryEntry entry(ResultSet rs, int row) throws SQLException {
        return new HistoryEntry(
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("line"),
                rs.getString("station"),
                rs.getString("serial"),
                rs.getString("actor"),
                rs.getString("summary"));
    }
}
