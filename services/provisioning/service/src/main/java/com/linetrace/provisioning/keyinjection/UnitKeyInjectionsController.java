package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.UnitKeyInjections;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** A unit's key injections over HTTP: {@link UnitKeyInjections}' mapping, its roles checked before the body is read, and again by the service. */
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
@RestController
class UnitKeyInjectionsController implements UnitKeyInjections {

    private final UnitKeyInjections keyInjections;

    UnitKeyInjectionsController(UnitKeyInjections keyInjections) {
        this.keyInjections = keyInjections;
    }

    @Override
    public List<KeyInjectionRecord> keyInjections(Serial serial) {
        return keyInjections.keyInjections(serial);
    }
}
