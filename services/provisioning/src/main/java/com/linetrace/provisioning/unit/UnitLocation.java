package com.linetrace.provisioning.unit;

import com.linetrace.contracts.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A unit as provisioning last heard of it: its model and line once its serial was issued, and the station (and that
 * station's kind) it is checked in at now, none between stations.
 */
public record UnitLocation(
        Serial serial,
        @Nullable String model,
        @Nullable String line,
        @Nullable String station,
        @Nullable String stationKind) {

    /** Whether the unit is checked in now at {@code station}, of kind {@code kind}, of its own line {@code line}. */
    public boolean checkedInAt(String line, @Nullable String station, String kind) {
        return line.equals(this.line)
                && this.station != null
                && this.station.equals(station)
                && kind.equals(stationKind);
    }

    /** Where the unit is, in words. */
    public String whereabouts() {
        return station == null
                ? "is not checked in at any station"
                : "is checked in at " + station + (stationKind == null ? "" : " (" + stationKind + ")") + " of line "
                        + line;
    }
}
