package com.linetrace.tracking.api;

import com.linetrace.contracts.problem.ProblemException;
import java.util.UUID;

/**
 * A scan id already used at the station for the same action, by another worker or with another request: the
 * first verdict belongs to that request, so this one is refused rather than answered with it. 409.
 */
public class ScanIdReusedException extends ProblemException {

    ScanIdReusedException(String detail) {
        super(TrackingProblem.SCAN_ID_REUSED, detail);
    }

    public ScanIdReusedException(UUID scanId, String stationId, ScanVerdict.Action action) {
        this("Scan id " + scanId + " was already used at " + stationId + " for " + action
                + " with a different request; send a new scan id");
    }
}
