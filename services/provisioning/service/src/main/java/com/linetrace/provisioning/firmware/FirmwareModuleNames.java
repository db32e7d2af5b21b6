package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.equipment.FirmwareModule;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a module name from a request, saying which names exist when it is not one of them. */
public final class FirmwareModuleNames {

    private FirmwareModuleNames() {}

    public static FirmwareModule parse(String name) {
        try {
            return FirmwareModule.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("module must be one of "
                    + Arrays.stream(FirmwareModule.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
