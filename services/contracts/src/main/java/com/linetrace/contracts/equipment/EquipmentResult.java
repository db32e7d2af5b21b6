package com.linetrace.contracts.equipment;

import com.linetrace.contracts.EventCodec;
import java.util.Map;

/** A result reported by station equipment. The body of an event on {@code linetrace.equipment-results.v1}. */
public sealed interface EquipmentResult permits FlashReported, KeyInjectionReported {

    int SCHEMA_VERSION = 1;

    /** The stable wire names; a test checks that every permitted type has one. */
    Map<String, Class<? extends EquipmentResult>> TYPES =
            Map.of("FlashReported", FlashReported.class, "KeyInjectionReported", KeyInjectionReported.class);

    EventCodec<EquipmentResult> CODEC = new EventCodec<>(TYPES);
}
