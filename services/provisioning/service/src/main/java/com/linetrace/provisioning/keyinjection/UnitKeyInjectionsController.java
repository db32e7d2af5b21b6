package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.UnitKeyInjections;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** A unit's key injections over HTTP: {@link UnitKeyInjections}' mapping, answered by the service that checks the role. */
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
