package com.linetrace.tracking.route;

/** One step of a route: done at a station of {@code stationKind}. */
public record Operation(int seq, String name, String stationKind, String instruction) {

    public String label() {
        return "op " + seq + " " + name;
    }
}
