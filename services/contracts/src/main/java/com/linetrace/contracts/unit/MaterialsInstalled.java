package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/**
 * A part was installed in the unit at an operation: by lot, or with its own serial (IPC-CFX
 * Assembly.MaterialsInstalled). This is the genealogy that where-used answers from.
 */
public record MaterialsInstalled(
        int operation,
        String partNumber,
        @Nullable String lot,
        @Nullable String partSerial,
        int quantity) implements UnitEvent {

    public MaterialsInstalled {
        Text.require("partNumber", partNumber, Text.ID);
        Text.optional("lot", lot, Text.ID);
        Text.optional("partSerial", partSerial, Text.ID);
    }
}
