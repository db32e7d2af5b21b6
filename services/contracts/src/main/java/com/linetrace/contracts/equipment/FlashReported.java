package com.linetrace.contracts.equipment;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Text;
import java.util.Objects;

/**
 * A flash fixture wrote a firmware image to one module of the unit and read it back: the SHA-256 of what it
 * wrote and of what the device returned.
 */
public record FlashReported(
        String model,
        FirmwareModule module,
        String version,
        Sha256 sha256Written,
        Sha256 sha256ReadBack,
        String fixtureId)
        implements EquipmentResult {

    public FlashReported {
        Text.require("model", model, Text.ID);
        Objects.requireNonNull(module, "module");
        Text.require("version", version, Text.ID);
        Objects.requireNonNull(sha256Written, "sha256Written");
        Objects.requireNonNull(sha256ReadBack, "sha256ReadBack");
        Text.require("fixtureId", fixtureId, Text.ID);
    }
}
