package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.provisioning.api.UnitFlashes.FlashRecord;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Flash records in {@code provisioning.flash_record}: every reported flash with its verdict. */
@Repository
class FlashRepository {

    private final JdbcClient jdbc;

    FlashRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EventEnvelope<FlashReported> event, FlashVerdict verdict) {
        var flash = event.body();
        jdbc.sql("""
                        insert into provisioning.flash_record
                            (event_id, serial, model, module, version, sha256_written, sha256_read_back, fixture_id,
                             release_id, verdict, rejection_code, reason, plant, line, station, actor, reported_at)
                        values (:eventId, :serial, :model, :module, :version, :written, :readBack, :fixture,
                                :releaseId, :verdict, :code, :reason, :plant, :line, :station, :actor, :reportedAt)""")
                .param("eventId", event.eventId())
                .param("serial", event.serial().value())
                .param("model", flash.model())
                .param("module", flash.module().name())
                .param("version", flash.version())
                .param("written", flash.sha256Written().hex())
                .param("readBack", flash.sha256ReadBack().hex())
                .param("fixture", flash.fixtureId())
                .param("releaseId", verdict.releaseId())
                .param("verdict", verdict.verdict().name())
                .param("code", verdict.code() == null ? null : verdict.code().name())
                .param("reason", verdict.verdict() == FlashVerdict.Verdict.REJECTED ? verdict.message() : null)
                .param("plant", event.plant())
                .param("line", event.line())
                .param("station", event.station())
                .param("actor", event.actor())
                .param("reportedAt", Timestamp.from(event.occurredAt()))
                .update();
    }

    List<FlashRecord> ofSerial(Serial serial) {
        return jdbc.sql("""
                        select module, version, sha256_written, sha256_read_back, fixture_id, verdict, rejection_code,
                               reason, station, actor, reported_at
                        from provisioning.flash_record where serial = :serial order by recorded_at, id""")
                .param("serial", serial.value())
                .query((rs, n) -> new FlashRecord(
                        rs.getString("module"),
                        rs.getString("version"),
                        rs.getString("sha256_written"),
                        rs.getString("sha256_read_back"),
                        rs.getString("fixture_id"),
                        rs.getString("verdict"),
                        rs.getString("rejection_code"),
                        rs.getString("reason"),
                        rs.getString("station"),
                        rs.getString("actor"),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }
}
