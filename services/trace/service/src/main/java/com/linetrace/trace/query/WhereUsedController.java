package com.linetrace.trace.query;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.WhereUsed;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link WhereUsed} over HTTP: where-used pages and CSV. The mappings are the interface's own {@code @HttpExchange}s, so the server and
 * its remote clients cannot disagree on a path (one interface per controller: a class's type-level mapping is one).
 * The roles named here are checked before the body is read, and again by the service; its refusals are answered by the API's problem handling.
 */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
@RestController
class WhereUsedController implements WhereUsed {

    private final WhereUsedService whereUsed;

    WhereUsedController(WhereUsedService whereUsed) {
        this.whereUsed = whereUsed;
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
        return whereUsed.whereUsed(
                partNumber, lot, partSerial, releaseId, model, module, version, sha256, fingerprint, cursor, size);
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
        return whereUsed.whereUsedCsv(
                partNumber, lot, partSerial, releaseId, model, module, version, sha256, fingerprint);
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
        return whereUsed.exportWhereUsedCsv(
                partNumber, lot, partSerial, releaseId, model, module, version, sha256, fingerprint);
    }
}
