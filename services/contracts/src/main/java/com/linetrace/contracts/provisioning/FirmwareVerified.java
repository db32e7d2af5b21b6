package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.FirmwareModule;
import java.util.UUID;

/**
 * The unit's module carries an approved, correctly signed release, read back intact. Pack-out needs one for
 * every module the unit's route flashes.
 */
public record FirmwareVerified(
        UUID releaseId, String model, FirmwareModule module, String version, Sha256 sha256, String fixtureId)
        implements ProvisioningEvent {}
