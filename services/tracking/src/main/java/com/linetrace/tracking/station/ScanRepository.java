package com.linetrace.tracking.station;

import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every scan at a station with its verdict. */
@Repository
class ScanRepository {

    private static final String COLUMNS = "scan_id, station_id, action, verdict, refusal, message, serial,"
            + " operation_seq, operation_name, scanned_at, actor";

    private final JdbcClient jdbc;

    ScanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScanVerdict> find(UUID scanId) {
        return jdbc.sql("select " + COLUMNS + " from tracking.scan where scan_id = :id")
                .param("id", scanId)
                .query(ScanRepository::verdict)
                .optional();
    }

    /** The station's latest scan concerning this unit within {@code window}, if any. */
    Optional<ScanVerdict> latestOfUnit(String stationId, String serial, Duration window, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from tracking.scan where station_id = :station"
                        + " and serial = :serial and scanned_at > :since order by scanned_at desc limit 1")
                .param("station", stationId)
                .param("serial", serial)
                .param("since", Timestamp.from(now.minus(window)))
                .query(ScanRepository::verdict)
                .optional();
    }

    /** Records a scan; false when a scan with this id was already recorded. */
    boolean record(ScanVerdict verdict, String barcode) {
        return jdbc.sql("""
                        insert into tracking.scan (scan_id, station_id, action, barcode, serial, verdict, refusal, message,
                                                   operation_seq, operation_name, scanned_at, actor)
                        values (:scanId, :stationId, :action, :barcode, :serial, :verdict, :refusal, :message,
                                :operation, :operationName, :at, :actor)
                        on conflict (scan_id) do nothing""")
                        .param("scanId", verdict.scanId())
                        .param("stationId", verdict.stationId())
                        .param("action", verdict.action().name())
                        .param("barcode", barcode)
                        .param("serial", verdict.serial())
                        .param("verdict", verdict.verdict().name())
                        .param(
                                "refusal",
                                verdict.code() == null ? null : verdict.code().name())
                        .param("message", verdict.message())
                        .param("operation", verdict.operation())
                        .param("operationName", verdict.operationName())
                        .param("at", Timestamp.from(verdict.at()))
                        .param("actor", verdict.actor())
                        .update()
                == 1;
    }

    List<ScanVerdict> recent(String stationId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from tracking.scan where station_id = :station"
                        + " order by scanned_at desc limit :limit")
                .param("station", stationId)
                .param("limit", limit)
                .query(ScanRepository::verdict)
                .list();
    }

    private static ScanVerdict verdict(ResultSet rs, int row) throws SQLException {
        var refusal = rs.getString("refusal");
        return new ScanVerdict(
                rs.getObject("scan_id", UUID.class),
                rs.getString("station_id"),
                ScanVerdict.Action.valueOf(rs.getString("action")),
                ScanVerdict.Verdict.valueOf(rs.getString("verdict")),
                refusal == null ? null : Refusal.valueOf(refusal),
                rs.getString("message"),
                rs.getString("serial"),
                rs.getObject("operation_seq", Integer.class),
                rs.getString("operation_name"),
                rs.getTimestamp("scanned_at").toInstant(),
                rs.getString("actor"));
    }
}
