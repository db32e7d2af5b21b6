package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/**
 * A part was installed in the unit at an operation: by lot, or with its own serial (IPC-CFX
 * Assembly.MaterialsInstalled). This is the genealogy that where-used answers from. {@code referenceDesignator}
 * names where on the unit the part sits, when the route's bill of materials says; events written before it existed
 * do not carry it.
 */
public record MaterialsInstalled(
        int operation,
        String partNumber,
        @Nullable String lot,
        @Nullable String partSerial,
        int quantity,
        @Nullable String referenceDesignator)
        implements UnitEvent {

    /** A part installed where the bill of materials names no reference designator. */
    public MaterialsInstalled(
            int operation, String partNumber, @Nullable String lot, @Nullable String partSerial, int quantity) {
        this(operation, partNumber, lot, partSerial, quantity, null);
    }

    public MaterialsInstalled {
        Text.require("partNumber", partNumber, Text.ID);
        Text.optional("lot", lot, Text.ID);
        Text.optional("partSerial", partSerial, Text.ID);
        Text.optional("referenceDesignator", referenceDesignator, Text.ID);
    }
}
