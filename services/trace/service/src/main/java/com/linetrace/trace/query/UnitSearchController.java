package com.linetrace.trace.query;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.UnitSearch;
import com.linetrace.trace.api.UnitStatus;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UnitSearch} over HTTP: search. The mappings are the interface's own {@code @HttpExchange}s, so the server and
 * its remote clients cannot disagree on a path (one interface per controller: a class's type-level mapping is one).
 * The roles named here are checked before the body is read, and again by the service; its refusals are answered by the API's problem handling.
 */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
@RestController
class UnitSearchController implements UnitSearch {

    private final UnitSearchService search;

    UnitSearchController(UnitSearchService search) {
        this.search = search;
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
        return search.search(
                serial,
                workOrder,
                partNumber,
                lot,
                partSerial,
                firmwareVersion,
                station,
                from,
                to,
                defect,
                status,
                cursor,
                size);
    }
}
