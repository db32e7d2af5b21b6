package com.linetrace.tracking.api;

import java.util.List;

/**
 * A line at a glance.
 *
 * @param stations each station of the line in flow order, with the units checked in there
 * @param inProgress units started and neither completed nor scrapped
 * @param held units on hold
 * @param completedToday units completed since midnight UTC
 */
public record LineStatus(String lineId, List<StationLoad> stations, int inProgress, int held, int completedToday) {

    /**
     * One station: {@code working} units are checked in there; {@code waiting} units have their next step at a
     * station of this kind (shared by the stations of the same kind, which can each take them).
     */
    public record StationLoad(String stationId, String kind, String name, int working, int waiting) {}
}
