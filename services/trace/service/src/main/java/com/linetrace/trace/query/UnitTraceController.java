package com.linetrace.trace.query;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.Genealogy;
import com.linetrace.trace.api.HoldRecord;
import com.linetrace.trace.api.OperationRecord;
import com.linetrace.trace.api.ProvisioningRecord;
import com.linetrace.trace.api.UnitSummary;
import com.linetrace.trace.api.UnitTrace;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UnitTrace} over HTTP: one unit's status, genealogy, operations, holds and provisioning. The mappings are the interface's own {@code @HttpExchange}s, so the server and
 * its remote clients cannot disagree on a path (one interface per controller: a class's type-level mapping is one).
 * The roles named here are checked before the body is read, and again by the service; its refusals are answered by the API's problem handling.
 */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
@RestController
class UnitTraceController implements UnitTrace {

    private final UnitTraceService units;

    UnitTraceController(UnitTraceService units) {
        this.units = units;
    }

    @Override
    public UnitSummary unit(Serial serial) {
        return units.unit(serial);
    }

    @Override
    public Genealogy genealogy(Serial serial) {
        return units.genealogy(serial);
    }

    @Override
    public List<OperationRecord> operations(Serial serial) {
        return units.operations(serial);
    }

    @Override
    public List<HoldRecord> holds(Serial serial) {
        return units.holds(serial);
    }

    @Override
    public List<ProvisioningRecord> provisioning(Serial serial) {
        return units.provisioning(serial);
    }
}
