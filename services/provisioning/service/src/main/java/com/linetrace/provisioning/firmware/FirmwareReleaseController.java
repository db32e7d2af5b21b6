package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ReleaseDecision;
import com.linetrace.provisioning.api.ReleaseRegistration;
import com.linetrace.provisioning.api.ReleaseState;
import com.linetrace.provisioning.api.ReleaseSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Firmware releases over HTTP: the mappings are {@link FirmwareReleaseCatalog}'s, the rules and roles those of the
 * catalog it hands every request to (registration by release engineering, approval and revocation by quality).
 */
@RestController
class FirmwareReleaseController implements FirmwareReleaseCatalog {

    private final FirmwareReleaseCatalog catalog;

    FirmwareReleaseController(FirmwareReleaseCatalog catalog) {
        this.catalog = catalog;
    }

    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    @Override
    public List<ReleaseSummary> releases(@Nullable ReleaseState state) {
        return catalog.releases(state);
    }

    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    @Override
    public ReleaseSummary release(UUID id) {
        return catalog.release(id);
    }

    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    @Override
    @ResponseStatus(HttpStatus.CREATED)
    public ReleaseSummary registerRelease(ReleaseRegistration registration) {
        var release = catalog.registerRelease(registration);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            request.getResponse().setHeader(HttpHeaders.LOCATION, "/api/firmware-releases/" + release.id());
        }
        return release;
    }

    /** Signed: any person reaches it, and the signature decides who may sign (DD018), so a refusal is in the ledger. */
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public ReleaseSummary approveRelease(UUID id, ReleaseDecision decision) {
        return catalog.approveRelease(id, decision);
    }

    /** Signed, as an approval is. */
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public ReleaseSummary revokeRelease(UUID id, ReleaseDecision decision) {
        return catalog.revokeRelease(id, decision);
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public List<Serial> affectedSerials(UUID id) {
        return catalog.affectedSerials(id);
    }
}
