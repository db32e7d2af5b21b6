package com.linetrace.tracking.hold;

import com.linetrace.contracts.Roles;
import com.linetrace.tracking.api.UnitStatuses;
import com.linetrace.tracking.unit.UnitRepository;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.springframework.web.bind.annotation.RestController;

/** {@link UnitStatuses}, for a recall's scope: over HTTP and for the UI in-process alike. */
@RestController
class Statuses implements UnitStatuses {

    private final UnitRepository units;

    Statuses(UnitRepository units) {
        this.units = units;
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ENGINEER, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN})
    public Map<String, String> of(Serials serials) {
        return serials.serials().isEmpty()
                ? Map.of()
                : units.statuses(serials.serials().stream().limit(10_000).toList());
    }
}
