package com.linetrace.contracts.action;

import java.util.Objects;
import java.util.UUID;

/**
 * A person registered a firmware release (DRAFT): which image, and which trusted release key signed its manifest,
 * named by the key's fingerprint only. Who, when and from where are the envelope's actor, occurred-at and origin.
 *
 * @param sizeBytes the image's size as its manifest states it
 * @param signingKeyId the fingerprint of the trusted public key the signature verified with (16 hex digits of its
 *     SHA-256)
 */
public record FirmwareRegistered(
        UUID releaseId, String model, String module, String version, String sha256, long sizeBytes, String signingKeyId)
        implements AuditAction {

    public FirmwareRegistered {
        FirmwareFields.check(releaseId, model, module, version, sha256);
        FirmwareFields.checkKeyId(Objects.requireNonNull(signingKeyId, "signingKeyId"));
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }
}
