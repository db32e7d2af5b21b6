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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a poll's events into the read model, a multi-row statement per table ({@link Rows}) instead of a statement
 * per event, with what each event means unchanged. Unit events of a serial arrive in order (one key, one partition),
 * and so do its provisioning events; the two topics interleave in any order, so each topic writes only its own tables
 * and the unit row takes from each only what that topic knows ({@link #touchUnits}). Runs in the caller's
 * transaction.
 */
class Projection {

    /**
     * The longest summary a timeline row keeps, so that the row fits the timeline's covering index
     * (db/changelog/trace/003-timeline-index.sql); a hold's reason alone may be 2,000 characters, and stays whole in
     * the unit's holds and the event's payload.
     */
    static final int SUMMARY = 300;

    private final JdbcClient jdbc;

    Projection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String shortened(String summary) {
        if (summary.length() <= SUMMARY) {
            return summary;
        }
        int end = SUMMARY - 1;
        if (Character.isHighSurrogate(summary.charAt(end - 1))) {
            end--;
        }
        return summary.substring(0, end) + "…";
    }

    /** A decoded event with its record's bytes, applied for the first time. */
    record Received<E>(E event, byte[] payload) {}

    /** Writes the unit events' own rows, in order; returns what each changes in its unit's row, for {@link #touchUnits}. */
    List<UnitChange> applyUnitEvents(List<Received<EventEnvelope<UnitEvent>>> events) {
        var timeline = new Rows(
                "eventId", "serial", "type", "occurredAt", "plant", "line", "station", "actor", "summary", "payload");
        var parts = new Rows(
                "serial",
                "eventId",
                "operation",
                "partNumber",
                "lot",
                "partSerial",
                "quantity",
                "designator",
                "station",
                "actor",
                "at");
        var defects = new Rows("defect", "serial", "eventId", "operation", "station", "at");
        var holds = new Rows("serial", "eventId", "kind", "reason", "actor", "station", "at");
        var visits = Visits.load(
                jdbc,
                events.stream()
                        .map(Received::event)
                        .filter(event -> event.body() instanceof WorkCompleted || event.body() instanceof UnitsDeparted)
                        .map(event -> event.serial().value())
                        .collect(Collectors.toSet()));
        var units = new ArrayList<UnitChange>(events.size());
        for (var received : events) {
            var event = received.event();
            var serial = event.serial().value();
            var at = event.occurredAt();
            timeline.add(
                    event.eventId(),
                    serial,
                    UnitEvent.CODEC.typeOf(event.body()),
                    at,
                    event.plant(),
                    event.line(),
                    event.station(),
                    event.actor(),
                    shortened(UnitEventSummaries.of(event.body())),
                    new String(received.payload(), StandardCharsets.UTF_8));
            var unit = new UnitChange(event);
            switch (event.body()) {
                case UnitsInitialized initialized -> {
                    unit.workOrder = initialized.workOrder();
                    unit.model = initialized.model();
                    unit.routeVersion = initialized.routeVersion();
                }
                case UnitsArrived arrived -> {
                    unit.started = true;
                    visits.arrived(event, arrived, at);
                }
                case MaterialsInstalled part ->
                    parts.add(
                            serial,
                            event.eventId(),
                            part.operation(),
                            part.partNumber(),
                            part.lot(),
                            part.partSerial(),
                            part.quantity(),
                            part.referenceDesignator(),
                            event.station(),
                            event.actor(),
                            at);
                case WorkCompleted work -> {
                    visits.completed(event, work, at);
                    for (var defect : work.defects().stream().distinct().toList()) {
                        defects.add(defect, serial, event.eventId(), work.operation(), event.station(), at);
                    }
                }
                case UnitsDeparted departed -> {
                    unit.nextOperation(departed.nextOperation());
                    visits.departed(event, departed, at);
                }
                case UnitCompleted done -> {
                    unit.completed = true;
                    unit.workOrder = done.workOrder();
                    unit.nextOperation(null);
                }
                case UnitHeld held -> {
                    unit.held = true;
                    holds.add(serial, event.eventId(), "HELD", held.reason(), event.actor(), event.station(), at);
                }
                case UnitReleased released -> {
                    unit.held = false;
                    holds.add(
                            serial, event.eventId(), "RELEASED", released.reason(), event.actor(), event.station(), at);
                }
                case UnitScrapped scrapped -> {
                    unit.scrapped = true;
                    holds.add(
                            serial, event.eventId(), "SCRAPPED", scrapped.reason(), event.actor(), event.station(), at);
                }
                case ReworkRouted rework -> {
                    // In the history only: the repair visit and the retried operation come as visits of their own.
                }
            }
            units.add(unit);
        }
        timeline.write(jdbc, """
                insert into trace.unit_event (event_id, serial, type, occurred_at, plant, line, station, actor, summary,
                    payload)
                select * from unnest(cast(:eventId as uuid[]), cast(:serial as text[]), cast(:type as text[]),
                    cast(:occurredAt as timestamptz[]), cast(:plant as text[]), cast(:line as text[]),
                    cast(:station as text[]), cast(:actor as text[]), cast(:summary as text[]),
                    cast(:payload as jsonb[]))""");
        parts.write(jdbc, """
                insert into trace.installed_part (serial, event_id, operation, part_number, lot, part_serial, quantity,
                    reference_designator, station, actor, installed_at)
                select * from unnest(cast(:serial as text[]), cast(:eventId as uuid[]), cast(:operation as integer[]),
                    cast(:partNumber as text[]), cast(:lot as text[]), cast(:partSerial as text[]),
                    cast(:quantity as integer[]), cast(:designator as text[]), cast(:station as text[]),
                    cast(:actor as text[]), cast(:at as timestamptz[]))""");
        visits.write(jdbc);
        defects.write(jdbc, """
                insert into trace.unit_defect (defect, serial, event_id, operation, station, occurred_at)
                select * from unnest(cast(:defect as text[]), cast(:serial as text[]), cast(:eventId as uuid[]),
                    cast(:operation as integer[]), cast(:station as text[]), cast(:at as timestamptz[]))""");
        holds.write(jdbc, """
                insert into trace.unit_hold (serial, event_id, kind, reason, actor, station, at)
                select * from unnest(cast(:serial as text[]), cast(:eventId as uuid[]), cast(:kind as text[]),
                    cast(:reason as text[]), cast(:actor as text[]), cast(:station as text[]),
                    cast(:at as timestamptz[]))""");
        return units;
    }

    /**
     * Writes the provisioning events' own rows, in order; returns what each changes in its unit's row, for {@link
     * #touchUnits}. A module's firmware row is written once a poll: the last verified flash in it (with a revocation
     * of that release read after it), or, when the poll verified none, the revocations of the row's release.
     */
    List<UnitChange> applyProvisioningEvents(List<Received<EventEnvelope<ProvisioningEvent>>> events) {
        var records = new Rows(
                "serial",
                "eventId",
                "type",
                "at",
                "station",
                "actor",
                "module",
                "releaseId",
                "version",
                "sha256",
                "fingerprint",
                "code",
                "reason");
        var flashed = new LinkedHashMap<List<String>, Flash>();
        var revoked = new LinkedHashMap<List<Object>, String>();
        var units = new ArrayList<UnitChange>(events.size());
        for (var received : events) {
            var event = received.event();
            var serial = event.serial().value();
            var at = event.occurredAt();
            var type = ProvisioningEvent.CODEC.typeOf(event.body());
            // A provisioning event is not the unit's step: the unit topic alone says where the unit stands.
            var unit = UnitChange.seenBy(event);
            switch (event.body()) {
                case FirmwareVerified verified -> {
                    unit.model = verified.model();
                    var module = verified.module().name();
                    records.add(
                            serial,
                            event.eventId(),
                            type,
                            at,
                            event.station(),
                            event.actor(),
                            module,
                            verified.releaseId(),
                            verified.version(),
                            verified.sha256().hex(),
                            null,
                            null,
                            null);
                    // The flash replaces the whole row, so the poll's earlier revocations of it no longer count.
                    revoked.keySet()
                            .removeIf(key ->
                                    key.get(0).equals(serial) && key.get(1).equals(module));
                    flashed.put(List.of(serial, module), new Flash(event, verified));
                }
                case FirmwareRejected rejected ->
                    records.add(
                            serial,
                            event.eventId(),
                            type,
                            at,
                            event.station(),
                            event.actor(),
                            rejected.module().name(),
                            null,
                            rejected.version(),
                            rejected.sha256Written().hex(),
                            null,
                            rejected.code().name(),
                            rejected.reason());
                case FirmwareReleaseRevoked revocation -> {
                    var module = revocation.module().name();
                    records.add(
                            serial,
                            event.eventId(),
                            type,
                            at,
                            event.station(),
                            event.actor(),
                            module,
                            revocation.releaseId(),
                            revocation.version(),
                            revocation.sha256().hex(),
                            null,
                            null,
                            revocation.reason());
                    var flash = flashed.get(List.of(serial, module));
                    if (flash == null) {
                        revoked.put(List.<Object>of(serial, module, revocation.releaseId()), revocation.reason());
                    } else if (flash.verified.releaseId().equals(revocation.releaseId())) {
                        flash.revokedReason = revocation.reason();
                    }
                }
                case KeyInjectionVerified key -> {
                    records.add(
                            serial,
                            event.eventId(),
                            type,
                            at,
                            event.station(),
                            event.actor(),
                            null,
                            null,
                            null,
                            null,
                            key.fingerprint(),
                            null,
                            null);
                    keyVerified(event, key);
                }
                case KeyInjectionRejected rejected -> {
                    records.add(
                            serial,
                            event.eventId(),
                            type,
                            at,
                            event.station(),
                            event.actor(),
                            null,
                            null,
                            null,
                            null,
                            rejected.fingerprint(),
                            rejected.code().name(),
                            rejected.reason());
                    if (rejected.fingerprint() != null) {
                        keyRejected(event, rejected);
                    }
                }
            }
            units.add(unit);
        }
        var firmware = new Rows(
                "serial",
                "module",
                "releaseId",
                "model",
                "version",
                "sha256",
                "fixture",
                "station",
                "at",
                "eventId",
                "revokedReason");
        flashed.values()
                .forEach(flash -> firmware.add(
                        flash.event.serial().value(),
                        flash.verified.module().name(),
                        flash.verified.releaseId(),
                        flash.verified.model(),
                        flash.verified.version(),
                        flash.verified.sha256().hex(),
                        flash.verified.fixtureId(),
                        flash.event.station(),
                        flash.event.occurredAt(),
                        flash.event.eventId(),
                        flash.revokedReason));
        firmware.write(jdbc, """
                insert into trace.module_firmware (serial, module, release_id, model, version, sha256, fixture_id,
                    station, verified_at, event_id, revoked_reason)
                select * from unnest(cast(:serial as text[]), cast(:module as text[]), cast(:releaseId as uuid[]),
                    cast(:model as text[]), cast(:version as text[]), cast(:sha256 as text[]), cast(:fixture as text[]),
                    cast(:station as text[]), cast(:at as timestamptz[]), cast(:eventId as uuid[]),
                    cast(:revokedReason as text[]))
                on conflict (serial, module) do update set release_id = excluded.release_id, model = excluded.model,
                    version = excluded.version, sha256 = excluded.sha256, fixture_id = excluded.fixture_id,
                    station = excluded.station, verified_at = excluded.verified_at, event_id = excluded.event_id,
                    revoked_reason = excluded.revoked_reason""");
        var revocations = new Rows("serial", "module", "releaseId", "reason");
        revoked.forEach((key, reason) -> revocations.add(key.get(0), key.get(1), key.get(2), reason));
        revocations.write(jdbc, """
                update trace.module_firmware f set revoked_reason = r.reason
                from unnest(cast(:serial as text[]), cast(:module as text[]), cast(:releaseId as uuid[]),
                    cast(:reason as text[])) as r(serial, module, release_id, reason)
                where f.serial = r.serial and f.module = r.module and f.release_id = r.release_id""");
        records.write(jdbc, """
                insert into trace.provisioning_record (serial, event_id, type, occurred_at, station, actor, module,
                    release_id, version, sha256, fingerprint, code, reason)
                select * from unnest(cast(:serial as text[]), cast(:eventId as uuid[]), cast(:type as text[]),
                    cast(:at as timestamptz[]), cast(:station as text[]), cast(:actor as text[]),
                    cast(:module as text[]), cast(:releaseId as uuid[]), cast(:version as text[]),
                    cast(:sha256 as text[]), cast(:fingerprint as text[]), cast(:code as text[]),
                    cast(:reason as text[]))""");
        return units;
    }

    /** The last verified flash of a module in a poll, and a revocation of its release read after it. */
    private static final class Flash {
        final EventEnvelope<ProvisioningEvent> event;
        final FirmwareVerified verified;

        @Nullable
        String revokedReason;

        Flash(EventEnvelope<ProvisioningEvent> event, FirmwareVerified verified) {
            this.event = event;
            this.verified = verified;
        }
    }

    // Keys are about one event a unit and their two statements' effects depend on the row before each: they stay a
    // statement an event, in the poll's order.
    private void keyVerified(EventEnvelope<ProvisioningEvent> event, KeyInjectionVerified key) {
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
                .param("serial", event.serial().value())
                .param("fingerprint", key.fingerprint())
                .param("subject", key.subject())
                .param("issuer", key.issuer())
                .param("element", key.secureElementId())
                .param("purpose", key.keyPurpose())
                .param("certificate", key.certificatePem())
                .param("station", event.station())
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    private void keyRejected(EventEnvelope<ProvisioningEvent> event, KeyInjectionRejected rejected) {
        // A duplicate key rejects a key verified earlier too: it stays on record, no longer verified.
        jdbc.sql("""
                        insert into trace.device_key (serial, fingerprint, station, reported_at, verified,
                            rejection_code, rejection_reason)
                        values (:serial, :fingerprint, :station, :at, false, :code, :reason)
                        on conflict (serial, fingerprint) do update set verified = false,
                            rejection_code = excluded.rejection_code,
                            rejection_reason = excluded.rejection_reason""")
                .param("serial", event.serial().value())
                .param("fingerprint", rejected.fingerprint())
                .param("station", event.station())
                .param("at", Timestamp.from(event.occurredAt()))
                .param("code", rejected.code().name())
                .param("reason", rejected.reason())
                .update();
    }

    /**
     * Creates or updates the rows of a poll's units, each once with its events' changes folded in order: one
     * statement inserts the units not there yet, another locks the others and a third updates them. Both listeners
     * insert and lock in serial order, so their transactions wait for each other instead of deadlocking.
     */
    void touchUnits(Collection<UnitChange> changes) {
        var folded = new TreeMap<String, UnitChange>();
        for (var change : changes) {
            folded.merge(change.serial, change, UnitChange::then);
        }
        if (folded.isEmpty()) {
            return;
        }
        var created = Set.copyOf(jdbc.sql("""
                        insert into trace.unit (serial, model, work_order, route_version, line, started, held,
                            completed, scrapped, last_station, next_operation, first_seen_at, last_event_at)
                        select serial, model, work_order, route_version, line, coalesce(started, false),
                            coalesce(held, false), coalesce(completed, false), coalesce(scrapped, false), station,
                            next_operation, first_at, last_at
                        from unnest(%s) as c(%s)
                        order by serial
                        on conflict (serial) do nothing
                        returning serial""".formatted(UNIT_ARRAYS, UNIT_COLUMNS))
                .params(unitRows(folded.values()))
                .query(String.class)
                .list());
        var existing = folded.values().stream()
                .filter(change -> !created.contains(change.serial))
                .toList();
        if (existing.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select serial from trace.unit where serial = any(cast(:serial as text[]))
                        order by serial for update""")
                .param("serial", existing.stream().map(change -> change.serial).toArray(String[]::new))
                .query(String.class)
                .list();
        jdbc.sql("""
                        update trace.unit u set
                            model = coalesce(c.model, u.model),
                            work_order = coalesce(c.work_order, u.work_order),
                            route_version = coalesce(c.route_version, u.route_version),
                            line = case when c.unit_event then c.line else coalesce(u.line, c.line) end,
                            started = coalesce(c.started, u.started),
                            held = coalesce(c.held, u.held),
                            completed = coalesce(c.completed, u.completed),
                            scrapped = coalesce(c.scrapped, u.scrapped),
                            last_station = coalesce(c.station, u.last_station),
                            next_operation = case when c.set_next then c.next_operation else u.next_operation end,
                            first_seen_at = least(u.first_seen_at, c.first_at),
                            last_event_at = greatest(u.last_event_at, c.last_at)
                        from unnest(%s) as c(%s)
                        where u.serial = c.serial""".formatted(UNIT_ARRAYS, UNIT_COLUMNS))
                .params(unitRows(existing))
                .update();
    }

    private static final String UNIT_ARRAYS = """
            cast(:serial as text[]), cast(:model as text[]), cast(:workOrder as text[]),
            cast(:routeVersion as integer[]), cast(:line as text[]), cast(:unitEvent as boolean[]),
            cast(:started as boolean[]), cast(:held as boolean[]), cast(:completed as boolean[]),
            cast(:scrapped as boolean[]), cast(:station as text[]), cast(:setNext as boolean[]),
            cast(:nextOperation as integer[]), cast(:firstAt as timestamptz[]), cast(:lastAt as timestamptz[])""";

    private static final String UNIT_COLUMNS = "serial, model, work_order, route_version, line, unit_event, started,"
            + " held, completed, scrapped, station, set_next, next_operation, first_at, last_at";

    /** The unit rows' columns as arrays, by the names {@link #UNIT_ARRAYS} binds. */
    private static Map<String, String[]> unitRows(Collection<UnitChange> units) {
        var rows = new Rows(
                "serial",
                "model",
                "workOrder",
                "routeVersion",
                "line",
                "unitEvent",
                "started",
                "held",
                "completed",
                "scrapped",
                "station",
                "setNext",
                "nextOperation",
                "firstAt",
                "lastAt");
        for (var unit : units) {
            rows.add(
                    unit.serial,
                    unit.model,
                    unit.workOrder,
                    unit.routeVersion,
                    unit.line,
                    unit.unitEvent,
                    unit.started,
                    unit.held,
                    unit.completed,
                    unit.scrapped,
                    unit.station,
                    unit.setNext,
                    unit.nextOperation,
                    unit.firstAt,
                    unit.lastAt);
        }
        return rows.arrays();
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
