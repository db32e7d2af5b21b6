package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.UnitFlashes;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** A unit's flashes over HTTP: {@link UnitFlashes}' mapping, its roles checked before the body is read, and again by the service. */
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
@RestController
class UnitFlashesController implements UnitFlashes {

    private final UnitFlashes flashes;

    UnitFlashesController(UnitFlashes flashes) {
        this.flashes = flashes;
    }

    @Override
    public List<FlashRecord> flashes(Serial serial) {
        return flashes.flashes(serial);
    }
}
