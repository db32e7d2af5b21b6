package com.linetrace.tracking.api;

/** No station has the given id: a configuration or typing error at the terminal, not a unit's refusal. */
public class UnknownStationException extends RuntimeException {

    public UnknownStationException(String stationId) {
        super("No station has the id '" + (stationId.length() > 40 ? stationId.substring(0, 40) + "…" : stationId)
                + "'");
    }
}
