package com.linetrace.trace.api;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Finds units by any combination of criteria ({@link SearchCriteria}), a page at a time (keyset: pass
 * {@link UnitPage#next()} back as {@code cursor}); never loads a whole result. Units come in serial order, except
 * when a station and window drive the search: then in the order they reached the station. The caller needs
 * QUALITY, SUPERVISOR, MANAGER, ENGINEER or ADMIN. Refusals (400): {@code search-too-broad} (no criterion, or only
 * one that matches nearly everything; the detail says what to add), {@code invalid-window}, {@code
 * invalid-page-size}, {@code invalid-cursor}, and {@code invalid-id} / {@code malformed-serial} for a malformed id.
 */
@HttpExchange("/api/trace")
public interface UnitSearch {

    /** One page of the units matching every criterion given; {@code size} 1–500, 50 when null. */
    @GetExchange("/units")
    UnitPage search(
            @RequestParam(name = "serial", required = false) @Nullable Serial serial,
            @RequestParam(name = "workOrder", required = false) @Nullable WorkOrderNumber workOrder,
            @RequestParam(name = "partNumber", required = false) @Nullable String partNumber,
            @RequestParam(name = "lot", required = false) @Nullable String lot,
            @RequestParam(name = "partSerial", required = false) @Nullable String partSerial,
            @RequestParam(name = "firmwareVersion", required = false) @Nullable String firmwareVersion,
            @RequestParam(name = "station", required = false) @Nullable StationId station,
            @RequestParam(name = "from", required = false) @Nullable Instant from,
            @RequestParam(name = "to", required = false) @Nullable Instant to,
            @RequestParam(name = "defect", required = false) @Nullable String defect,
            @RequestParam(name = "status", required = false) @Nullable UnitStatus status,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor,
            @RequestParam(name = "size", required = false) @Nullable Integer size);

    /** {@link #search} of a criteria record. */
    default UnitPage search(SearchCriteria criteria, @Nullable String cursor, @Nullable Integer size) {
        return search(
                criteria.serial(),
                criteria.workOrder(),
                criteria.partNumber(),
                criteria.lot(),
                criteria.partSerial(),
                criteria.firmwareVersion(),
                criteria.station(),
                criteria.from(),
                criteria.to(),
                criteria.defect(),
                criteria.status(),
                cursor,
                size);
    }
}
