package com.linetrace.trace.intake;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.provisioning.FirmwareRejected;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitEventSummaries;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one event into the read model. Unit events of a serial arrive in order (one key, one partition), and so do
 * its provisioning events; the two topics interleave in any order, so each topic writes only its own tables and the
 * unit row takes from each only what that topic knows ({@link #touchUnit}). Runs in the caller's transaction.
 */
class Projection {

    private final JdbcClient jdbc;

    Projection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a unit event's own rows; returns what it changes in the unit's row, for {@link #touchUnits}. */
    UnitChange apply(EventEnvelope<UnitEvent> event, byte[] payload) {
        var serial = event.serial().value();
        var at = Timestamp.from(event.occurredAt());
        jdbc.sql("""
                        insert into trace.unit_event (event_id, serial, type, occurred_at, plant, line, station, actor, summary, payload)
                        values (:eventId, :serial, :type, :occurredAt, :plant, :line, :station, :actor, :summary, :payload::jsonb)""")
                .param("eventId", event.eventId())
                .param("serial", serial)
                .param("type", UnitEvent.CODEC.typeOf(event.body()))
                .param("occurredAt", at)
                .param("plant", event.plant())
                .param("line", event.line())
                .param("station", event.station())
                .param("actor", event.actor())
                .param("summary", UnitEventSummaries.of(event.body()))
                .param("payload", new String(payload, StandardCharsets.UTF_8))
                .update();
        var unit = new UnitChange(event);
        switch (event.body()) {
            case UnitsInitialized initialized -> {
                unit.workOrder = initialized.workOrder();
                unit.model = initialized.model();
                unit.routeVersion = initialized.routeVersion();
            }
            case UnitsArrived arrived -> {
                unit.started = true;
                jdbc.sql("""
                                insert into trace.operation_visit (serial, event_id, operation, operation_name, station_kind,
                                    station, operator, rework, arrived_at)
                                values (:serial, :eventId, :operation, :name, :kind, :station, :actor, :rework, :at)""")
                        .param("serial", serial)
                        .param("eventId", event.eventId())
                        .param("operation", arrived.operation())
                        .param("name", arrived.operationName())
                        .param("kind", arrived.stationKind())
                        .param("station", event.station())
                        .param("actor", event.actor())
                        .param("rework", arrived.rework())
                        .param("at", at)
                        .update();
            }
            case MaterialsInstalled part ->
                jdbc.sql("""
                                insert into trace.installed_part (serial, event_id, operation, part_number, lot, part_serial,
                                    quantity, reference_designator, station, actor, installed_at)
                                values (:serial, :eventId, :operation, :partNumber, :lot, :partSerial, :quantity,
                                    :designator, :station, :actor, :at)""")
                        .param("serial", serial)
                        .param("eventId", event.eventId())
                        .param("operation", part.operation())
                        .param("partNumber", part.partNumber())
                        .param("lot", part.lot())
                        .param("partSerial", part.partSerial())
                        .param("quantity", part.quantity())
                        .param("designator", part.referenceDesignator())
                        .param("station", event.station())
                        .param("actor", event.actor())
                        .param("at", at)
                        .update();
            case WorkCompleted work -> completed(event, work, at);
            case UnitsDeparted departed -> {
                unit.nextOperation(departed.nextOperation());
                jdbc.sql("""
                                update trace.operation_visit set departed_at = :at
                                where serial = :serial and event_id = (
                                    select event_id from trace.operation_visit
                                    where serial = :serial and operation = :operation and departed_at is null
                                    order by arrived_at desc, event_id desc limit 1)""")
                        .param("serial", serial)
                        .param("operation", departed.operation())
                        .param("at", at)
                        .update();
            }
            case UnitCompleted done -> {
                unit.completed = true;
                unit.workOrder = done.workOrder();
                unit.nextOperation(null);
            }
            case UnitHeld held -> {
                unit.held = true;
                hold(event, "HELD", held.reason(), at);
            }
            case UnitReleased released -> {
                unit.held = false;
                hold(event, "RELEASED", released.reason(), at);
            }
            case UnitScrapped scrapped -> {
                unit.scrapped = true;
                hold(event, "SCRAPPED", scrapped.reason(), at);
            }
            case ReworkRouted rework -> {
                // In the history only: the repair visit and the retried operation come as visits of their own.
            }
        }
        return unit;
    }

    /** Writes a provisioning event's own rows; returns what it changes in the unit's row, for {@link #touchUnits}. */
    UnitChange apply(EventEnvelope<ProvisioningEvent> event) {
        var serial = event.serial().value();
        var at = Timestamp.from(event.occurredAt());
        var record = jdbc.sql("""
                        insert into trace.provisioning_record (serial, event_id, type, occurred_at, station, actor, module,
                            release_id, version, sha256, fingerprint, code, reason)
                        values (:serial, :eventId, :type, :at, :station, :actor, :module, :releaseId, :version, :sha256,
                            :fingerprint, :code, :reason)""")
                .param("serial", serial)
                .param("eventId", event.eventId())
                .param("type", ProvisioningEvent.CODEC.typeOf(event.body()))
                .param("at", at)
                .param("station", event.station())
                .param("actor", event.actor());
        // A provisioning event is not the unit's step: the unit topic alone says where the unit stands.
        var unit = UnitChange.seenBy(event);
        switch (event.body()) {
            case FirmwareVerified verified -> {
                unit.model = verified.model();
                record.param("module", verified.module().name())
                        .param("releaseId", verified.releaseId())
                        .param("version", verified.version())
                        .param("sha256", verified.sha256().hex())
                        .param("fingerprint", null)
                        .param("code", null)
                        .param("reason", null);
                jdbc.sql("""
                                insert into trace.module_firmware (serial, module, release_id, model, version, sha256,
                                    fixture_id, station, verified_at, event_id)
                                values (:serial, :module, :releaseId, :model, :version, :sha256, :fixture, :station, :at,
                                    :eventId)
                                on conflict (serial, module) do update set release_id = excluded.release_id,
                                    model = excluded.model, version = excluded.version, sha256 = excluded.sha256,
                                    fixture_id = excluded.fixture_id, station = excluded.station,
                                    verified_at = excluded.verified_at, event_id = excluded.event_id,
                                    revoked_reason = null""")
                        .param("serial", serial)
                        .param("module", verified.module().name())
                        .param("releaseId", verified.releaseId())
                        .param("model", verified.model())
                        .param("version", verified.version())
                        .param("sha256", verified.sha256().hex())
                        .param("fixture", verified.fixtureId())
                        .param("station", event.station())
                        .param("at", at)
                        .param("eventId", event.eventId())
                        .update();
            }
            case FirmwareRejected rejected ->
                record.param("module", rejected.module().name())
                        .param("releaseId", null)
                        .param("version", rejected.version())
                        .param("sha256", rejected.sha256Written().hex())
                        .param("fingerprint", null)
                        .param("code", rejected.code().name())
                        .param("reason", rejected.reason());
            case FirmwareReleaseRevoked revoked -> {
                record.param("module", revoked.module().name())
                        .param("releaseId", revoked.releaseId())
                        .param("version", revoked.version())
                        .param("sha256", revoked.sha256().hex())
                        .param("fingerprint", null)
                        .param("code", null)
                        .param("reason", revoked.reason());
                jdbc.sql("""
                                update trace.module_firmware set revoked_reason = :reason
                                where serial = :serial and module = :module and release_id = :releaseId""")
                        .param("serial", serial)
                        .param("module", revoked.module().name())
                        .param("releaseId", revoked.releaseId())
                        .param("reason", revoked.reason())
                        .update();
            }
            case KeyInjectionVerified key -> {
                record.param("module", null)
                        .param("releaseId", null)
                        .param("version", null)
                        .param("sha256", null)
                        .param("fingerprint", key.fingerprint())
                        .param("code", null)
                        .param("reason", null);
                jdbc.sql("""
                                insert into trace.device_key (serial, fingerprint, subject, issuer, secure_element_id,
                                    key_purpose, certificate_pem, station, reported_at, verified)
                                values (:serial, :fingerprint, :subject, :issuer, :element, :purpose, :certificate,
                                    :station, :at, true)
                                on conflict (serial, fingerprint) do update set subject = excluded.subject,
                                    issuer = excluded.issuer, secure_element_id = excluded.secure_element_id,
                                    key_purpose = excluded.key_purpose,
                                    certificate_pem = coalesce(excluded.certificate_pem, trace.device_key.certificate_pem),
                                    station = excluded.station, reported_at = excluded.reported_at, verified = true,
                                    rejection_code = null, rejection_reason = null""")
                        .param("serial", serial)
                        .param("fingerprint", key.fingerprint())
                        .param("subject", key.subject())
                        .param("issuer", key.issuer())
                        .param("element", key.secureElementId())
                        .param("purpose", key.keyPurpose())
                        .param("certificate", key.certificatePem())
                        .param("station", event.station())
                        .param("at", at)
                        .update();
            }
            case KeyInjectionRejected rejected -> {
                record.param("module", null)
                        .param("releaseId", null)
                        .param("version", null)
                        .param("sha256", null)
                        .param("fingerprint", rejected.fingerprint())
                        .param("code", rejected.code().name())
                        .param("reason", rejected.reason());
                if (rejected.fingerprint() != null) {
                    // A duplicate key rejects a key verified earlier too: it stays on record, no longer verified.
                    jdbc.sql("""
                                    insert into trace.device_key (serial, fingerprint, station, reported_at, verified,
                                        rejection_code, rejection_reason)
                                    values (:serial, :fingerprint, :station, :at, false, :code, :reason)
                                    on conflict (serial, fingerprint) do update set verified = false,
                                        rejection_code = excluded.rejection_code,
                                        rejection_reason = excluded.rejection_reason""")
                            .param("serial", serial)
                            .param("fingerprint", rejected.fingerprint())
                            .param("station", event.station())
                            .param("at", at)
                            .param("code", rejected.code().name())
                            .param("reason", rejected.reason())
                            .update();
                }
            }
        }
        record.update();
        return unit;
    }

    private void completed(EventEnvelope<UnitEvent> event, WorkCompleted work, Timestamp at) {
        var serial = event.serial().value();
        var updated = jdbc.sql("""
                        update trace.operation_visit set completed_at = :at, result = :result,
                            defects = cast(:defects as text[])
                        where serial = :serial and event_id = (
                            select event_id from trace.operation_visit
                            where serial = :serial and operation = :operation and completed_at is null
                            order by arrived_at desc, event_id desc limit 1)""")
                .param("serial", serial)
                .param("operation", work.operation())
                .param("at", at)
                .param("result", work.result().name())
                .param("defects", work.defects().toArray(String[]::new))
                .update();
        if (updated == 0) {
            // Work reported without a check-in trace has (events from before trace kept visits): the visit starts here.
            jdbc.sql("""
                            insert into trace.operation_visit (serial, event_id, operation, operation_name, station,
                                operator, rework, arrived_at, completed_at, result, defects)
                            values (:serial, :eventId, :operation, :name, :station, :actor, false, :at, :at, :result,
                                cast(:defects as text[]))""")
                    .param("serial", serial)
                    .param("eventId", event.eventId())
                    .param("operation", work.operation())
                    .param("name", work.operationName())
                    .param("station", event.station())
                    .param("actor", event.actor())
                    .param("at", at)
                    .param("result", work.result().name())
                    .param("defects", work.defects().toArray(String[]::new))
                    .update();
        }
        for (var defect : work.defects().stream().distinct().toList()) {
            jdbc.sql("""
                            insert into trace.unit_defect (defect, serial, event_id, operation, station, occurred_at)
                            values (:defect, :serial, :eventId, :operation, :station, :at)""")
                    .param("defect", defect)
                    .param("serial", serial)
                    .param("eventId", event.eventId())
                    .param("operation", work.operation())
                    .param("station", event.station())
                    .param("at", at)
                    .update();
        }
    }

    private void hold(EventEnvelope<UnitEvent> event, String kind, String reason, Timestamp at) {
        jdbc.sql("""
                        insert into trace.unit_hold (serial, event_id, kind, reason, actor, station, at)
                        values (:serial, :eventId, :kind, :reason, :actor, :station, :at)""")
                .param("serial", event.serial().value())
                .param("eventId", event.eventId())
                .param("kind", kind)
                .param("reason", reason)
                .param("actor", event.actor())
                .param("station", event.station())
                .param("at", at)
                .update();
    }

    /**
     * Creates or updates the rows of a batch's units, one statement per unit with its events' changes folded in order,
     * and in serial order: both listeners lock unit rows in the same order, so their transactions cannot deadlock.
     */
    void touchUnits(Collection<UnitChange> changes) {
        var folded = new TreeMap<String, UnitChange>();
        for (var change : changes) {
            folded.merge(change.serial, change, UnitChange::then);
        }
        folded.values().forEach(this::touchUnit);
    }

    /**
     * Creates or updates the unit's row with what its events say; a null field leaves the row's value. Times only
     * widen (first seen, last event), whichever topic is read first.
     */
    private void touchUnit(UnitChange unit) {
        jdbc.sql("""
                        insert into trace.unit as u (serial, model, work_order, route_version, line, started, held,
                            completed, scrapped, last_station, next_operation, first_seen_at, last_event_at)
                        values (:serial, :model, :workOrder, :routeVersion, :line, coalesce(:started, false),
                            coalesce(:held, false), coalesce(:completed, false), coalesce(:scrapped, false),
                            :station, :nextOperation, :firstAt, :lastAt)
                        on conflict (serial) do update set
                            model = coalesce(:model, u.model),
                            work_order = coalesce(:workOrder, u.work_order),
                            route_version = coalesce(:routeVersion, u.route_version),
                            line = case when :unitEvent then :line else coalesce(u.line, :line) end,
                            started = coalesce(:started, u.started),
                            held = coalesce(:held, u.held),
                            completed = coalesce(:completed, u.completed),
                            scrapped = coalesce(:scrapped, u.scrapped),
                            last_station = coalesce(:station, u.last_station),
                            next_operation = case when :setNext then :nextOperation else u.next_operation end,
                            first_seen_at = least(u.first_seen_at, :firstAt),
                            last_event_at = greatest(u.last_event_at, :lastAt)""")
                .param("serial", unit.serial)
                .param("model", unit.model)
                .param("workOrder", unit.workOrder)
                .param("routeVersion", unit.routeVersion)
                .param("line", unit.line)
                .param("unitEvent", unit.unitEvent)
                .param("started", unit.started)
                .param("held", unit.held)
                .param("completed", unit.completed)
                .param("scrapped", unit.scrapped)
                .param("station", unit.station)
                .param("setNext", unit.setNext)
                .param("nextOperation", unit.nextOperation)
                .param("firstAt", unit.firstAt)
                .param("lastAt", unit.lastAt)
                .update();
    }

    /** What one event (or a batch's events of one unit, folded) changes in a unit's row; null leaves a column. */
    static final class UnitChange {
        final String serial;
        private String line;
        private boolean unitEvent;
        private @Nullable String station;
        private Timestamp firstAt;
        private Timestamp lastAt;

        @Nullable
        String model;

        @Nullable
        String workOrder;

        @Nullable
        Integer routeVersion;

        @Nullable
        Boolean started;

        @Nullable
        Boolean held;

        @Nullable
        Boolean completed;

        @Nullable
        Boolean scrapped;

        private boolean setNext;
        private @Nullable Integer nextOperation;

        UnitChange(EventEnvelope<UnitEvent> event) {
            this(event.serial().value(), event.line(), true, event.station(), Timestamp.from(event.occurredAt()));
        }

        private UnitChange(String serial, String line, boolean unitEvent, @Nullable String station, Timestamp at) {
            this.serial = serial;
            this.line = line;
            this.unitEvent = unitEvent;
            this.station = station;
            this.firstAt = at;
            this.lastAt = at;
        }

        static UnitChange seenBy(EventEnvelope<ProvisioningEvent> event) {
            return new UnitChange(
                    event.serial().value(), event.line(), false, null, Timestamp.from(event.occurredAt()));
        }

        void nextOperation(@Nullable Integer next) {
            setNext = true;
            nextOperation = next;
        }

        /** This change followed by {@code later} (of the same unit, read after it). */
        UnitChange then(UnitChange later) {
            if (later.unitEvent || !unitEvent) {
                line = later.line;
            }
            unitEvent |= later.unitEvent;
            station = later.station != null ? later.station : station;
            firstAt = later.firstAt.before(firstAt) ? later.firstAt : firstAt;
            lastAt = later.lastAt.after(lastAt) ? later.lastAt : lastAt;
            model = later.model != null ? later.model : model;
            workOrder = later.workOrder != null ? later.workOrder : workOrder;
            routeVersion = later.routeVersion != null ? later.routeVersion : routeVersion;
            started = later.started != null ? later.started : started;
            held = later.held != null ? later.held : held;
            completed = later.completed != null ? later.completed : completed;
            scrapped = later.scrapped != null ? later.scrapped : scrapped;
            if (later.setNext) {
                setNext = true;
                nextOperation = later.nextOperation;
            }
            return this;
        }
    }
}
