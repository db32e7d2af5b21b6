package com.linetrace.tracking.api;

import com.linetrace.contracts.StationId;
import com.linetrace.contracts.problem.ProblemException;

/** No station has the given id: a configuration or typing error at the terminal, not a unit's refusal. 404. */
public class UnknownStationException extends ProblemException {

    UnknownStationException(String detail) {
        super(TrackingProblem.UNKNOWN_STATION, detail);
    }

    public UnknownStationException(StationId stationId) {
        this("No station has the id '" + stationId + "'");
    }
}
