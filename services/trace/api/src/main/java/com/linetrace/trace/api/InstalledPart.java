package com.linetrace.trace.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A part installed in a unit: by lot, or with its own serial, or both.
 *
 * @param referenceDesignator where on the unit it sits, when the route's bill of materials names it
 * @param subAssembly the part's own genealogy, when its serial is a unit trace has recorded (multi-level); null
 *     when it is not, or when the tree was cut at its depth limit ({@link Genealogy#truncated()})
 */
public record InstalledPart(
        String partNumber,
        @Nullable String lot,
        @Nullable String partSerial,
        int quantity,
        @Nullable String referenceDesignator,
        @Nullable String station,
        String actor,
        Instant installedAt,
        @Nullable Genealogy subAssembly) {}
