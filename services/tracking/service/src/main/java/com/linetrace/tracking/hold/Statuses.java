package com.linetrace.tracking.hold;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.tracking.AuditTrail;
import com.linetrace.tracking.api.UnitStatuses;
import com.linetrace.tracking.unit.UnitRepository;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UnitStatuses}, for a recall's scope: over HTTP and for the UI in-process alike. A bulk read (up to 10,000
 * units at once), so each is an audit action: who, how many asked and how many answered.
 */
@RestController
class Statuses implements UnitStatuses {

    private final UnitRepository units;
    private final AuditTrail audit;

    Statuses(UnitRepository units, AuditTrail audit) {
        this.units = units;
        this.audit = audit;
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ENGINEER, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN})
    public Map<String, String> of(Serials serials) {
        var asked = serials.serials().stream().limit(10_000).toList();
        var statuses = asked.isEmpty() ? Map.<String, String>of() : units.statuses(asked);
        audit.record(new DataExported("unit-statuses", "json", "serials=" + asked.size(), statuses.size(), null, null));
        return statuses;
    }
}
