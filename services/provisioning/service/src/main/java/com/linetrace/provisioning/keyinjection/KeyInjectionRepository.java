package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.provisioning.api.UnitKeyInjections.KeyInjectionRecord;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Key injections in {@code provisioning.key_injection} and the first owner of each key in {@code device_key}. */
@Repository
class KeyInjectionRepository {

    private final JdbcClient jdbc;

    KeyInjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a public key for a unit and returns the unit that owns it: this one when the key is new (or already
     * its own), the earlier one otherwise. A concurrent claim of the same key waits on the primary key.
     */
    Serial claim(String fingerprint, Serial serial) {
        jdbc.sql(
                        "insert into provisioning.device_key (fingerprint, serial) values (:fp, :serial) on conflict do nothing")
                .param("fp", fingerprint)
                .param("serial", serial.value())
                .update();
        return Serial.parse(jdbc.sql("select serial from provisioning.device_key where fingerprint = :fp")
                .param("fp", fingerprint)
                .query(String.class)
                .single());
    }

    /**
     * Units other than {@code serial} that reported this key with a proof of possession, each with its latest plant
     * and line.
     */
    List<Reporter> otherReporters(String fingerprint, Serial serial) {
        return jdbc.sql("""
                        select distinct on (serial) serial, plant, line from provisioning.key_injection
                        where fingerprint = :fp and serial <> :serial and possession_proven
                        order by serial, id desc""")
                .param("fp", fingerprint)
                .param("serial", serial.value())
                .query((rs, n) ->
                        new Reporter(Serial.parse(rs.getString("serial")), rs.getString("plant"), rs.getString("line")))
                .list();
    }

    record Reporter(Serial serial, String plant, String line) {}

    /** A unit's verified injections of a key are no longer verified once the key turned up on another unit. */
    void rejectVerified(Serial serial, String fingerprint, String code, String reason) {
        jdbc.sql("""
                        update provisioning.key_injection
                        set verdict = 'REJECTED', rejection_code = :code, reason = :reason
                        where serial = :serial and fingerprint = :fp and verdict = 'VERIFIED'""")
                .param("serial", serial.value())
                .param("fp", fingerprint)
                .param("code", code)
                .param("reason", reason)
                .update();
    }

    void insert(
            EventEnvelope<KeyInjectionReported> event,
            KeyInjectionVerdict verdict,
            DeviceCertificateCheck.Result check) {
        var report = event.body();
        var passed = check instanceof DeviceCertificateCheck.Passed p ? p : null;
        var keyPem = check instanceof DeviceCertificateCheck.Failed f ? f.publicKeyPem() : passed.publicKeyPem();
        jdbc.sql("""
                        insert into provisioning.key_injection
                            (event_id, serial, secure_element_id, key_purpose, station_id, public_key_pem, fingerprint,
                             certificate_pem, subject, issuer, not_after, verdict, rejection_code, reason,
                             plant, line, actor, reported_at, possession_proven)
                        values (:eventId, :serial, :secureElement, :purpose, :stationId, :keyPem, :fingerprint,
                                :certificatePem, :subject, :issuer, :notAfter, :verdict, :code, :reason,
                                :plant, :line, :actor, :reportedAt, :possessionProven)""")
                .param("eventId", event.eventId())
                .param("serial", event.serial().value())
                .param("secureElement", report.secureElementId())
                .param("purpose", report.keyPurpose())
                .param("stationId", report.stationId())
                .param("keyPem", keyPem)
                .param("fingerprint", check.fingerprint())
                .param("certificatePem", passed == null ? null : passed.certificatePem())
                .param("subject", passed == null ? null : passed.subject())
                .param("issuer", passed == null ? null : passed.issuer())
                .param("notAfter", passed == null ? null : Timestamp.from(passed.notAfter()))
                .param("verdict", verdict.verdict().name())
                .param("code", verdict.code() == null ? null : verdict.code().name())
                .param("reason", verdict.verdict() == KeyInjectionVerdict.Verdict.REJECTED ? verdict.message() : null)
                .param("plant", event.plant())
                .param("line", event.line())
                .param("actor", event.actor())
                .param("reportedAt", Timestamp.from(event.occurredAt()))
                .param("possessionProven", check.possessionProven())
                .update();
    }

    List<KeyInjectionRecord> ofSerial(Serial serial) {
        return jdbc.sql("""
                        select secure_element_id, key_purpose, station_id, fingerprint, subject, issuer, not_after,
                               verdict, rejection_code, reason, actor, reported_at
                        from provisioning.key_injection where serial = :serial order by reported_at, id""")
                .param("serial", serial.value())
                .query((rs, n) -> {
                    var notAfter = rs.getTimestamp("not_after");
                    return new KeyInjectionRecord(
                            rs.getString("secure_element_id"),
                            rs.getString("key_purpose"),
                            rs.getString("station_id"),
                            rs.getString("fingerprint"),
                            rs.getString("subject"),
                            rs.getString("issuer"),
                            notAfter == null ? null : notAfter.toInstant(),
                            rs.getString("verdict"),
                            rs.getString("rejection_code"),
                            rs.getString("reason"),
                            rs.getString("actor"),
                            rs.getTimestamp("reported_at").toInstant());
                })
                .list();
    }
}
