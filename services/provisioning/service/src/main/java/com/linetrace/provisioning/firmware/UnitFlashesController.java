package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.UnitFlashes;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** A unit's flashes over HTTP: {@link UnitFlashes}' mapping, answered by the service that checks the role. */
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
