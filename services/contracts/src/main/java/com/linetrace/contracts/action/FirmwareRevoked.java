package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.UUID;

/**
 * A person of quality revoked a firmware release: its image no longer verifies and the units carrying it are held.
 * One action per decision, also when no unit carries the release; the holds themselves follow as provisioning's
 * {@code FirmwareReleaseRevoked}, one per unit. Who, when and from where are the envelope's actor, occurred-at and
 * origin.
 *
 * @param previousState the release's state before (DRAFT or APPROVED)
 * @param unitsAffected how many units carried it (the recall scope) when it was revoked
 */
public record FirmwareRevoked(
        UUID releaseId,
        String model,
        String module,
        String version,
        String sha256,
        String previousState,
        int unitsAffected,
        String reason)
        implements AuditAction {

    public FirmwareRevoked {
        FirmwareFields.check(releaseId, model, module, version, sha256);
        Text.require("previousState", previousState, Text.ID);
        FirmwareFields.checkReason(reason);
        if (unitsAffected < 0) {
            throw new IllegalArgumentException("unitsAffected must not be negative");
        }
    }
}
