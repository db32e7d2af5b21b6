package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.equipment.FirmwareModule;
import java.util.Objects;
import java.util.UUID;

/**
 * A release this unit carries (its latest verified flash of that module) was revoked: the unit must be held
 * unless it has shipped. Sent once per affected serial, so it is keyed and ordered like every other event of
 * the unit (see docs/decisions/DD002-20261125-revocation-scope.md).
 */
public record FirmwareReleaseRevoked(
        UUID releaseId, String model, FirmwareModule module, String version, Sha256 sha256, String reason)
        implements ProvisioningEvent {

    public FirmwareReleaseRevoked {
        Objects.requireNonNull(releaseId, "releaseId");
        Text.require("model", model, Text.ID);
        Objects.requireNonNull(module, "module");
        Text.require("version", version, Text.ID);
        Objects.requireNonNull(sha256, "sha256");
        Text.require("reason", reason, Text.REASON);
    }
}
