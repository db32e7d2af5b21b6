package com.linetrace.trace.query;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.TraceExported;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.messaging.Outbox;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.WhereUsed;
import com.linetrace.trace.api.WhereUsedQuery;
import com.linetrace.web.ClientOrigin;
import com.linetrace.web.export.ExportDesk;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The in-process binding of {@link WhereUsed}: what the plant's UI calls, and what the controller serves. */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class WhereUsedService implements WhereUsed {

    /** Rows per query while a CSV streams: 10,000 units take five short queries, and a page stays small. */
    static final int CSV_PAGE = 2_000;

    private final WhereUsedRepository repository;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String plant;
    private final ExportDesk exports;

    WhereUsedService(
            WhereUsedRepository repository,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            String plant,
            ExportDesk exports) {
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.plant = plant;
        this.exports = exports;
    }

    @Override
    public UnitPage whereUsed(
            @Nullable String partNumber,
            @Nullable String lot,
            @Nullable String partSerial,
            @Nullable UUID releaseId,
            @Nullable String model,
            @Nullable FirmwareModule module,
            @Nullable String version,
            @Nullable String sha256,
            @Nullable String fingerprint,
            @Nullable String cursor,
            @Nullable Integer size) {
        var query = Query.of(new WhereUsedQuery(
                partNumber, lot, partSerial, releaseId, model, module, version, sha256, fingerprint));
        var limit = Criteria.pageSize(size);
        var after = Cursor.decode(cursor, query.description());
        var units = repository.page(query.kind(), query.criteria(), after == null ? "" : after.serial(), limit + 1);
        var page = units.subList(0, Math.min(limit, units.size()));
        var next = units.size() > limit ? new Cursor(page.getLast().serial(), null).encode(query.description()) : null;
        return new UnitPage(page, next);
    }

    @Override
    public ResponseEntity<Resource> whereUsedCsv(
            @Nullable String partNumber,
            @Nullable String lot,
            @Nullable String partSerial,
            @Nullable UUID releaseId,
            @Nullable String model,
            @Nullable FirmwareModule module,
            @Nullable String version,
            @Nullable String sha256,
            @Nullable String fingerprint) {
        var query = Query.of(new WhereUsedQuery(
                partNumber, lot, partSerial, releaseId, model, module, version, sha256, fingerprint));
        exports.requireHandOut("a where-used CSV");
        var actor = caller();
        var origin = ClientOrigin.current();
        var stream = new CsvStream(
                after -> repository.page(query.kind(), query.criteria(), after, CSV_PAGE),
                CSV_PAGE,
                (rows, complete) -> exported(actor, origin, query.description(), rows, complete, null));
        var headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("where-used-" + clock.instant().getEpochSecond() + ".csv")
                .build());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(stream));
    }

    @Override
    public ExportReceipt exportWhereUsedCsv(
            @Nullable String partNumber,
            @Nullable String lot,
            @Nullable String partSerial,
            @Nullable UUID releaseId,
            @Nullable String model,
            @Nullable FirmwareModule module,
            @Nullable String version,
            @Nullable String sha256,
            @Nullable String fingerprint) {
        var query = Query.of(new WhereUsedQuery(
                partNumber, lot, partSerial, releaseId, model, module, version, sha256, fingerprint));
        var actor = caller();
        var rows = new AtomicLong();
        var whole = new AtomicBoolean();
        var stream = new CsvStream(
                after -> repository.page(query.kind(), query.criteria(), after, CSV_PAGE),
                CSV_PAGE,
                (count, complete) -> {
                    rows.set(count);
                    whole.set(complete);
                });
        var receipt = exports.toFolder("where-used.csv", stream);
        stream.close();
        try {
            exported(actor, ClientOrigin.current(), query.description(), rows.get(), whole.get(), receipt.file());
        } catch (RuntimeException e) {
            exports.withdraw(receipt);
            throw e;
        }
        return receipt;
    }

    /** Records the export on the audit topic, through the outbox: who, from where, which query, how many rows. */
    private void exported(
            String actor, @Nullable String origin, String query, long rows, boolean complete, @Nullable String file) {
        var now = clock.instant();
        var action = new TraceExported("where-used", "csv", query, rows, complete, file);
        var event =
                new AuditActionEvent(EventIds.next(), AuditAction.SCHEMA_VERSION, now, plant, actor, origin, action);
        transactions.executeWithoutResult(status -> outbox.append(
                Topics.AUDIT_ACTIONS,
                actor,
                event.eventId(),
                AuditAction.CODEC.typeOf(action),
                AuditAction.CODEC.encode(event),
                now));
    }

    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("No one is signed in");
        }
        return authentication.getName();
    }

    /** A checked where-used: which index it walks, its parameters, and its words (for cursors and the audit). */
    record Query(WhereUsedRepository.Kind kind, Map<String, Object> criteria) {

        String description() {
            return criteria.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&"));
        }

        static Query of(WhereUsedQuery q) {
            var given = new LinkedHashMap<String, Object>();
            put(given, "partNumber", Criteria.text("partNumber", q.partNumber()));
            put(given, "lot", Criteria.text("lot", q.lot()));
            put(given, "partSerial", Criteria.text("partSerial", q.partSerial()));
            put(given, "releaseId", q.releaseId());
            put(given, "model", Criteria.text("model", q.model()));
            put(given, "module", q.module() == null ? null : q.module().name());
            put(given, "version", Criteria.text("version", q.version()));
            put(given, "sha256", q.sha256() == null ? null : digest(q.sha256()));
            put(given, "fingerprint", Criteria.text("fingerprint", q.fingerprint()));
            var names = given.keySet();
            if (names.equals(java.util.Set.of("partNumber", "lot"))) {
                return new Query(WhereUsedRepository.Kind.LOT, given);
            }
            if (names.equals(java.util.Set.of("partSerial"))) {
                return new Query(WhereUsedRepository.Kind.PART_SERIAL, given);
            }
            if (names.equals(java.util.Set.of("releaseId"))) {
                return new Query(WhereUsedRepository.Kind.RELEASE, given);
            }
            if (names.equals(java.util.Set.of("model", "module", "version"))) {
                return new Query(WhereUsedRepository.Kind.FIRMWARE, given);
            }
            if (names.equals(java.util.Set.of("sha256"))) {
                return new Query(WhereUsedRepository.Kind.IMAGE, given);
            }
            if (names.equals(java.util.Set.of("fingerprint"))) {
                return new Query(WhereUsedRepository.Kind.KEY, given);
            }
            var what = given.isEmpty() ? "nothing" : String.join(", ", names);
            throw (given.isEmpty() ? TraceProblem.SEARCH_TOO_BROAD : TraceProblem.INVALID_CRITERION)
                    .exception("A where-used names exactly one of: partNumber and lot; partSerial; releaseId;"
                            + " model, module and version; sha256; fingerprint. This one named " + what);
        }

        private static void put(Map<String, Object> given, String name, @Nullable Object value) {
            if (value != null) {
                given.put(name, value);
            }
        }

        private static String digest(String text) {
            try {
                return Sha256.parse(text).hex();
            } catch (IllegalArgumentException e) {
                throw TraceProblem.INVALID_CRITERION.exception("sha256: " + e.getMessage());
            }
        }
    }
}
