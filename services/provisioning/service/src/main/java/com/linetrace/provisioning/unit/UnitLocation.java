package com.linetrace.provisioning.unit;

import com.linetrace.contracts.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A unit as provisioning last heard of it: its model and line once its serial was issued, and the station (with that
 * station's line and kind) it is checked in at now, none between stations.
 */
public record UnitLocation(
        Serial serial,
        @Nullable String model,
        @Nullable String line,
        @Nullable String station,
        @Nullable String stationLine,
        @Nullable String stationKind) {

    /**
     * Whether the unit, of line {@code line}, is checked in now at {@code station}, a station of kind {@code kind} of
     * that same line.
     */
    public boolean checkedInAt(String line, @Nullable String station, String kind) {
        return line.equals(this.line)
                && line.equals(stationLine)
                && this.station != null
                && this.station.equals(station)
                && kind.equals(stationKind);
    }

    /** Where the unit is, in words. */
    public String whereabouts() {
        return station == null
                ? "is not checked in at any station"
                : "is checked in at " + station + (stationKind == null ? "" : " (" + stationKind + ")") + " of line "
                        + stationLine
                        + (stationLine != null && stationLine.equals(line) ? "" : ", its own line is " + line);
    }
}
