package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/**
 * The unit was checked in at a station for one operation of its route; the interlock accepted it. {@code stationKind}
 * is the kind of the station (e.g. {@code FIRMWARE_FLASH}); events written before it existed do not carry it.
 */
public record UnitsArrived(
        int operation,
        String operationName,
        boolean rework,
        @Nullable String stationKind) implements UnitEvent {

    public UnitsArrived {
        Text.require("operationName", operationName, Text.NAME);
        Text.optional("stationKind", stationKind, Text.ID);
    }
}
