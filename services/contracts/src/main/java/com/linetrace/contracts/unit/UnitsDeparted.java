package com.linetrace.contracts.unit;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/** The unit left the station; {@code nextOperation} is its next required step, null when its route is done. */
public record UnitsDeparted(
        int operation,
        @Nullable Integer nextOperation,
        @Nullable String nextStationKind) implements UnitEvent {

    public UnitsDeparted {
        Text.optional("nextStationKind", nextStationKind, Text.ID);
    }
}
