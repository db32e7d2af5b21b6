package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.provisioning.api.ReleaseState;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A firmware release as recorded: its signed manifest, its state and who moved it there, when and why. */
public record FirmwareRelease(
        UUID id,
        String model,
        FirmwareModule module,
        String version,
        Sha256 sha256,
        long sizeBytes,
        String signature,
        String signingKeyId,
        ReleaseState state,
        String registeredBy,
        Instant registeredAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        @Nullable String approvalReason,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        @Nullable String revocationReason,
        @Nullable Integer affectedSerials) {

    public ReleaseManifest manifest() {
        return new ReleaseManifest(model, module, version, sha256, sizeBytes);
    }

    /** The signature's bytes; none when the stored text is not base64 (it then verifies against nothing). */
    public byte[] signatureBytes() {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    public String label() {
        return model + " " + module + " " + version;
    }
}
