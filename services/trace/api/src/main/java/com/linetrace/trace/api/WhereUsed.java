package com.linetrace.trace.api;

import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.export.ExportReceipt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Which units contain a lot, a part serial, a firmware release or a device key, with where each stands now: the
 * question of a recall. Exactly one criterion ({@link WhereUsedQuery}); units in serial order, a page at a time
 * (keyset: pass {@link UnitPage#next()} back as {@code cursor}). The caller needs QUALITY, SUPERVISOR, MANAGER,
 * ENGINEER or ADMIN. Refusals: 400 {@code invalid-criterion}, {@code invalid-page-size}, {@code invalid-cursor}.
 */
@HttpExchange("/api/trace")
public interface WhereUsed {

    /** One page of the units that contain what the query names; {@code size} 1–500, 50 when null. */
    @GetExchange("/where-used")
    UnitPage whereUsed(
            @RequestParam(name = "partNumber", required = false) @Nullable String partNumber,
            @RequestParam(name = "lot", required = false) @Nullable String lot,
            @RequestParam(name = "partSerial", required = false) @Nullable String partSerial,
            @RequestParam(name = "releaseId", required = false) @Nullable UUID releaseId,
            @RequestParam(name = "model", required = false) @Nullable String model,
            @RequestParam(name = "module", required = false) @Nullable FirmwareModule module,
            @RequestParam(name = "version", required = false) @Nullable String version,
            @RequestParam(name = "sha256", required = false) @Nullable String sha256,
            @RequestParam(name = "fingerprint", required = false) @Nullable String fingerprint,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor,
            @RequestParam(name = "size", required = false) @Nullable Integer size);

    /**
     * Every unit that contains what the query names, as CSV ({@code text/csv}, one header line, then serial, status,
     * held, model, work order, line, last station, last event), streamed as it is read, never loaded whole. A
     * person's export: it is recorded as a {@code TraceExported} action on the audit topic, with the row count. In
     * offline mode it is refused, 403 {@code export-refused-offline}.
     */
    @GetExchange(url = "/where-used.csv", accept = "text/csv")
    ResponseEntity<Resource> whereUsedCsv(
            @RequestParam(name = "partNumber", required = false) @Nullable String partNumber,
            @RequestParam(name = "lot", required = false) @Nullable String lot,
            @RequestParam(name = "partSerial", required = false) @Nullable String partSerial,
            @RequestParam(name = "releaseId", required = false) @Nullable UUID releaseId,
            @RequestParam(name = "model", required = false) @Nullable String model,
            @RequestParam(name = "module", required = false) @Nullable FirmwareModule module,
            @RequestParam(name = "version", required = false) @Nullable String version,
            @RequestParam(name = "sha256", required = false) @Nullable String sha256,
            @RequestParam(name = "fingerprint", required = false) @Nullable String fingerprint);

    /**
     * Writes {@link #whereUsedCsv} to the plant's export folder ({@code linetrace.offline.export-dir}) instead of
     * handing it out: the one way it leaves in offline mode. 409 {@code export-folder-not-configured} without a folder.
     */
    @PostExchange("/where-used.csv/export")
    ExportReceipt exportWhereUsedCsv(
            @RequestParam(name = "partNumber", required = false) @Nullable String partNumber,
            @RequestParam(name = "lot", required = false) @Nullable String lot,
            @RequestParam(name = "partSerial", required = false) @Nullable String partSerial,
            @RequestParam(name = "releaseId", required = false) @Nullable UUID releaseId,
            @RequestParam(name = "model", required = false) @Nullable String model,
            @RequestParam(name = "module", required = false) @Nullable FirmwareModule module,
            @RequestParam(name = "version", required = false) @Nullable String version,
            @RequestParam(name = "sha256", required = false) @Nullable String sha256,
            @RequestParam(name = "fingerprint", required = false) @Nullable String fingerprint);

    /** {@link #whereUsed} of a query record. */
    default UnitPage whereUsed(WhereUsedQuery query, @Nullable String cursor, @Nullable Integer size) {
        return whereUsed(
                query.partNumber(),
                query.lot(),
                query.partSerial(),
                query.releaseId(),
                query.model(),
                query.module(),
                query.version(),
                query.sha256(),
                query.fingerprint(),
                cursor,
                size);
    }

    /** {@link #exportWhereUsedCsv} of a query record. */
    default ExportReceipt exportWhereUsedCsv(WhereUsedQuery query) {
        return exportWhereUsedCsv(
                query.partNumber(),
                query.lot(),
                query.partSerial(),
                query.releaseId(),
                query.model(),
                query.module(),
                query.version(),
                query.sha256(),
                query.fingerprint());
    }

    /** {@link #whereUsedCsv} of a query record. */
    default ResponseEntity<Resource> whereUsedCsv(WhereUsedQuery query) {
        return whereUsedCsv(
                query.partNumber(),
                query.lot(),
                query.partSerial(),
                query.releaseId(),
                query.model(),
                query.module(),
                query.version(),
                query.sha256(),
                query.fingerprint());
    }
}
