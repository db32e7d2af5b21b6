package com.linetrace.trace.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is in a unit: its parts by operation (each part that is itself a unit traced here with its own genealogy),
 * its firmware per module and its device key.
 *
 * @param key the unit's latest reported device key, null when none was reported
 * @param truncated true when a sub-assembly's tree was cut at the depth limit ({@link #MAX_DEPTH})
 */
public record Genealogy(
        UnitSummary unit,
        List<OperationParts> operations,
        List<ModuleFirmware> firmware,
        @Nullable DeviceKey key,
        boolean truncated) {

    public Genealogy {
        operations = List.copyOf(operations);
        firmware = List.copyOf(firmware);
    }

    /** Sub-assemblies are opened this many levels deep at most (a unit is level 0). */
    public static final int MAX_DEPTH = 5;
}
