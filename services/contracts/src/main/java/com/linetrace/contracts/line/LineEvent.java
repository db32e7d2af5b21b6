package com.linetrace.contracts.line;

import java.util.Map;

/** Something that happened to a line as a whole. The body of an event on {@code linetrace.line-events.v1}. */
public sealed interface LineEvent
        permits WorkOrderReleased, LotQuarantined, LotQuarantineLifted, AndonRaised, AndonAcknowledged, AndonCleared {

    int SCHEMA_VERSION = 1;

    /** The stable wire names; a test checks that every permitted type has one. */
    Map<String, Class<? extends LineEvent>> TYPES = Map.of(
            "WorkOrderReleased", WorkOrderReleased.class,
            "LotQuarantined", LotQuarantined.class,
            "LotQuarantineLifted", LotQuarantineLifted.class,
            "AndonRaised", AndonRaised.class,
            "AndonAcknowledged", AndonAcknowledged.class,
            "AndonCleared", AndonCleared.class);

    LineEventCodec CODEC = new LineEventCodec(TYPES);
}
