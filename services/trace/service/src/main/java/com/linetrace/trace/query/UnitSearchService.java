package com.linetrace.trace.query;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.trace.api.SearchCriteria;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.UnitSearch;
import com.linetrace.trace.api.UnitStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The in-process binding of {@link UnitSearch}: what the plant's UI calls, and what the controller serves. */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class UnitSearchService implements UnitSearch {

    private final SearchRepository repository;

    UnitSearchService(SearchRepository repository) {
        this.repository = repository;
    }

    @Override
    public UnitPage search(
            @Nullable Serial serial,
            @Nullable WorkOrderNumber workOrder,
            @Nullable String partNumber,
            @Nullable String lot,
            @Nullable String partSerial,
            @Nullable String firmwareVersion,
            @Nullable StationId station,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String defect,
            @Nullable UnitStatus status,
            @Nullable String cursor,
            @Nullable Integer size) {
        var criteria = new SearchCriteria(
                serial,
                workOrder,
                Criteria.text("partNumber", partNumber),
                Criteria.text("lot", lot),
                Criteria.text("partSerial", partSerial),
                Criteria.text("firmwareVersion", firmwareVersion),
                station,
                from,
                to,
                Criteria.text("defect", defect),
                status);
        refuseTooBroad(criteria);
        var limit = Criteria.pageSize(size);
        var query = criteria.toString();
        var after = Cursor.decode(cursor, query);
        var driver = SearchRepository.driver(criteria);
        var hits = repository.page(criteria, driver, after, limit + 1);
        var page = hits.subList(0, Math.min(limit, hits.size()));
        String next = null;
        if (hits.size() > limit) {
            var last = page.getLast();
            next = new Cursor(
                            last.unit().serial(),
                            last.at() == null ? null : last.at().toInstant())
                    .encode(query);
        }
        return new UnitPage(page.stream().map(SearchRepository.Hit::unit).toList(), next);
    }

    /** A search names at least one criterion that narrows it; a station comes with a bounded window. */
    private static void refuseTooBroad(SearchCriteria c) {
        if (c.from() != null || c.to() != null || c.station() != null) {
            if (c.station() == null) {
                throw TraceProblem.INVALID_WINDOW.exception(
                        "A time window (from, to) applies to a station: add the station");
            }
            if (c.from() == null || c.to() == null) {
                throw TraceProblem.INVALID_WINDOW.exception("A search at a station needs a time window: from and to"
                        + " (at most " + SearchCriteria.MAX_WINDOW_DAYS + " days)");
            }
            if (!c.from().isBefore(c.to())) {
                throw TraceProblem.INVALID_WINDOW.exception("The window's from must be before its to");
            }
            if (Duration.between(c.from(), c.to()).compareTo(Duration.ofDays(SearchCriteria.MAX_WINDOW_DAYS)) > 0) {
                throw TraceProblem.INVALID_WINDOW.exception("A window spans at most " + SearchCriteria.MAX_WINDOW_DAYS
                        + " days: narrow it, or add another criterion and search by that instead");
            }
        }
        var narrowing = c.serial() != null
                || c.workOrder() != null
                || c.lot() != null
                || c.partSerial() != null
                || c.firmwareVersion() != null
                || c.station() != null
                || c.defect() != null
                || c.status() != null;
        if (!narrowing) {
            throw TraceProblem.SEARCH_TOO_BROAD.exception(
                    c.partNumber() != null
                            ? "A part number alone is in nearly every unit: add its lot, or another criterion"
                            : "Name at least one of: serial, work order, lot, part serial, firmware version,"
                                    + " station with a time window, defect code, status");
        }
    }
}
