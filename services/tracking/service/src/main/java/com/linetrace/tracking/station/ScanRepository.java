package com.linetrace.tracking.station;

import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * A scan recorded under this id at the station for the action.
     *
     * @param requestDigest the {@link #digest} of the request that got the verdict; null for scans recorded before
     *     it was kept
     */
    record Recorded(ScanVerdict verdict, @Nullable String requestDigest) {}

    Optional<Recorded> find(String stationId, ScanVerdict.Action action, UUID scanId) {
        return jdbc.sql("select " + COLUMNS + ", request_digest from tracking.scan"
                        + " where scan_id = :id and station_id = :station and action = :action")
                .param("id", scanId)
                .param("station", stationId)
                .param("action", action.name())
                .query((rs, n) -> new Recorded(verdict(rs, n), rs.getString("request_digest")))
                .optional();
    }

    /** What identifies a request under its scan id: who sent it and what it asked (action-specific text). */
    static String digest(String actor, String request) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(actor.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
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

    /** Records a scan; false when a scan with this id was already recorded at the station for the action. */
    boolean record(ScanVerdict verdict, String barcode, String requestDigest) {
        return jdbc.sql("""
                        insert into tracking.scan (scan_id, station_id, action, barcode, serial, verdict, refusal, message,
                                                   operation_seq, operation_name, scanned_at, actor, request_digest)
                        values (:scanId, :stationId, :action, :barcode, :serial, :verdict, :refusal, :message,
                                :operation, :operationName, :at, :actor, :digest)
                        on conflict (scan_id, station_id, action) do nothing""")
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
                        .param("digest", requestDigest)
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
