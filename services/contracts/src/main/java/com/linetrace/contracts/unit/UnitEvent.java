package com.linetrace.contracts.unit;

import com.linetrace.contracts.EventCodec;
import java.util.Map;

/** A change in a unit's life. The body of an event on {@code linetrace.unit-events.v1}. */
public sealed interface UnitEvent
        permits UnitsInitialized,
                UnitsArrived,
                MaterialsInstalled,
                WorkCompleted,
                ReworkRouted,
                UnitsDeparted,
                UnitCompleted,
                UnitHeld,
                UnitReleased,
                UnitScrapped {

    int SCHEMA_VERSION = 1;

    /** The stable wire names; a test checks that every permitted type has one. */
    Map<String, Class<? extends UnitEvent>> TYPES = Map.of(
            "UnitsInitialized", UnitsInitialized.class,
            "UnitsArrived", UnitsArrived.class,
            "WorkCompleted", WorkCompleted.class,
            "UnitsDeparted", UnitsDeparted.class,
            "UnitCompleted", UnitCompleted.class,
            "UnitHeld", UnitHeld.class,
            "UnitReleased", UnitReleased.class,
            "MaterialsInstalled", MaterialsInstalled.class,
            "ReworkRouted", ReworkRouted.class,
            "UnitScrapped", UnitScrapped.class);

    EventCodec<UnitEvent> CODEC = new EventCodec<>(TYPES);
}
