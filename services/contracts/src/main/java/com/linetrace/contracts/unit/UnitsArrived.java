package com.linetrace.contracts.unit;

import org.jspecify.annotations.Nullable;

/**
 * The unit was checked in at a station for one operation of its route; the interlock accepted it. {@code stationKind}
 * is the kind of the station (e.g. {@code FIRMWARE_FLASH}); events written before it existed do not carry it.
 */
public record UnitsArrived(
        int operation,
        String operationName,
        boolean rework,
        @Nullable String stationKind) implements UnitEvent {}
