package com.linetrace.trace.api;

import com.linetrace.contracts.equipment.FirmwareModule;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a where-used asks for, exactly one of: a part number and lot; a part serial; a firmware release by its id, by
 * model, module and version, or by the image's SHA-256; a device key by its fingerprint. Build one with the
 * factories; {@link WhereUsed} refuses any other combination with 400 {@code invalid-criterion}.
 */
public record WhereUsedQuery(
        @Nullable String partNumber,
        @Nullable String lot,
        @Nullable String partSerial,
        @Nullable UUID releaseId,
        @Nullable String model,
        @Nullable FirmwareModule module,
        @Nullable String version,
        @Nullable String sha256,
        @Nullable String fingerprint) {

    public static WhereUsedQuery lot(String partNumber, String lot) {
        return new WhereUsedQuery(partNumber, lot, null, null, null, null, null, null, null);
    }

    public static WhereUsedQuery partSerial(String partSerial) {
        return new WhereUsedQuery(null, null, partSerial, null, null, null, null, null, null);
    }

    public static WhereUsedQuery release(UUID releaseId) {
        return new WhereUsedQuery(null, null, null, releaseId, null, null, null, null, null);
    }

    public static WhereUsedQuery firmware(String model, FirmwareModule module, String version) {
        return new WhereUsedQuery(null, null, null, null, model, module, version, null, null);
    }

    public static WhereUsedQuery image(String sha256) {
        return new WhereUsedQuery(null, null, null, null, null, null, null, sha256, null);
    }

    public static WhereUsedQuery key(String fingerprint) {
        return new WhereUsedQuery(null, null, null, null, null, null, null, null, fingerprint);
    }
}
