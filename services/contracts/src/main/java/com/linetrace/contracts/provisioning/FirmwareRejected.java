package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.equipment.FirmwareModule;
import java.util.Objects;

/** The flash of one module was not verified; {@code reason} says why in plain words, {@code code} for machines. */
public record FirmwareRejected(FirmwareModule module, String version, Sha256 sha256Written, Code code, String reason)
        implements ProvisioningEvent {

    public FirmwareRejected {
        Objects.requireNonNull(module, "module");
        Text.require("version", version, Text.ID);
        Objects.requireNonNull(sha256Written, "sha256Written");
        Objects.requireNonNull(code, "code");
        Text.require("reason", reason, Text.REASON);
    }

    public enum Code {
        /** No release of the unit's model and this module has the written image's hash. */
        UNKNOWN_IMAGE,
        /** The image belongs to a release of another version than the fixture reported. */
        VERSION_MISMATCH,
        /** The release is registered but quality has not approved it. */
        NOT_APPROVED,
        /** The release was revoked. */
        RELEASE_REVOKED,
        /** The release's signature does not check against any currently trusted release key. */
        SIGNATURE_INVALID,
        /** What the device returned differs from what was written. */
        READ_BACK_MISMATCH,
        /** The fixture reported (and flashed a release of) another model than the unit is. */
        MODEL_MISMATCH
    }
}
