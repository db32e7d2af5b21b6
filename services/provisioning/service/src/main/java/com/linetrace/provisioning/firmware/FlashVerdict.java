package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.provisioning.FirmwareRejected;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Provisioning's answer to one flash: verified against a release, or rejected with a code and plain words. */
public record FlashVerdict(
        Verdict verdict,
        FirmwareRejected.@Nullable Code code,
        String message,
        @Nullable UUID releaseId) {

    public enum Verdict {
        VERIFIED,
        REJECTED
    }

    static FlashVerdict verified(FirmwareRelease release) {
        return new FlashVerdict(
                Verdict.VERIFIED,
                null,
                "Verified: release " + release.label() + " (approved, signature valid)",
                release.id());
    }

    static FlashVerdict rejected(FirmwareRejected.Code code, String message, @Nullable UUID releaseId) {
        return new FlashVerdict(Verdict.REJECTED, code, message, releaseId);
    }
}
