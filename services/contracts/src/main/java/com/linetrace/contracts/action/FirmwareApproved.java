package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.UUID;

/**
 * A person of quality approved a firmware release: from now on flashes of its image verify. Who (never the
 * registrant: four eyes), when and from where are the envelope's actor, occurred-at and origin.
 *
 * @param registeredBy who registered the release, the first pair of eyes
 * @param signingKeyId the fingerprint of the trusted public key that still verifies its signature
 */
public record FirmwareApproved(
        UUID releaseId,
        String model,
        String module,
        String version,
        String sha256,
        String registeredBy,
        String signingKeyId,
        String reason)
        implements AuditAction {

    public FirmwareApproved {
        FirmwareFields.check(releaseId, model, module, version, sha256);
        Text.require("registeredBy", registeredBy, Text.ID);
        FirmwareFields.checkKeyId(Objects.requireNonNull(signingKeyId, "signingKeyId"));
        FirmwareFields.checkReason(reason);
    }
}
