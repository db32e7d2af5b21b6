package com.linetrace.trace.history;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitEventSummaries;
import com.linetrace.trace.api.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

class HistoryRepository {

    private static final String COLUMNS = "event_id, type, occurred_at, line, station, serial, actor, summary";

    private final JdbcClient jdbc;

    HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EventEnvelope<UnitEvent> event, byte[] payload) {
        jdbc.sql("""
                        insert into trace.unit_event (event_id, serial, type, occurred_at, plant, line, station, actor, summary, payload)
                        values (:eventId, :serial, :type, :occurredAt, :plant, :line, :station, :actor, :summary, :payload::jsonb)""")
                .param("eventId", event.eventId())
                .param("serial", event.serial().value())
                .param("type", UnitEvent.CODEC.typeOf(event.body()))
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("plant", event.plant())
                .param("line", event.line())
                .param("station", event.station())
                .param("actor", event.actor())
                .param("summary", UnitEventSummaries.of(event.body()))
                .param("payload", new String(payload, StandardCharsets.UTF_8))
                .update();
    }

    List<HistoryEntry> history(Serial serial) {
        return jdbc.sql("select " + COLUMNS
                        + " from trace.unit_event where serial = :serial order by occurred_at, event_id")
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
