package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks the firmware release actions make on the release they name. */
final class FirmwareFields {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A trusted release key's id: the first 16 hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo). */
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    private FirmwareFields() {}

    static void check(UUID releaseId, String model, String module, String version, String sha256) {
        Objects.requireNonNull(releaseId, "releaseId");
        Text.require("model", model, Text.ID);
        Text.require("module", module, Text.ID);
        Text.require("version", version, Text.ID);
        if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
            throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits");
        }
    }

    /** A key's fingerprint and nothing more: what would not be one (a PEM, a key) is refused. */
    static void checkKeyId(@Nullable String signingKeyId) {
        if (signingKeyId != null && !KEY_ID.matcher(signingKeyId).matches()) {
            throw new IllegalArgumentException("signingKeyId is a key's fingerprint, 16 lower-case hex digits");
        }
    }

    static void checkReason(String reason) {
        Text.require("reason", reason, Text.REASON);
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
    }
}
