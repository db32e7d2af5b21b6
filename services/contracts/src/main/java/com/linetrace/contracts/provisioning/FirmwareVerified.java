package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.equipment.FirmwareModule;
import java.util.Objects;
import java.util.UUID;

/**
 * The unit's module carries an approved, correctly signed release, read back intact. Pack-out needs one for
 * every module the unit's route flashes.
 */
public record FirmwareVerified(
        UUID releaseId, String model, FirmwareModule module, String version, Sha256 sha256, String fixtureId)
        implements ProvisioningEvent {

    public FirmwareVerified {
        Objects.requireNonNull(releaseId, "releaseId");
        Text.require("model", model, Text.ID);
        Objects.requireNonNull(module, "module");
        Text.require("version", version, Text.ID);
        Objects.requireNonNull(sha256, "sha256");
        Text.require("fixtureId", fixtureId, Text.ID);
    }
}
