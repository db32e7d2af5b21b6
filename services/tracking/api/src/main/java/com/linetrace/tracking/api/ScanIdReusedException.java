package com.linetrace.tracking.api;

import java.util.UUID;

/**
 * A scan id already used at the station for the same action, by another worker or with another request: the
 * first verdict belongs to that request, so this one is refused rather than answered with it.
 */
public class ScanIdReusedException extends RuntimeException {

    public ScanIdReusedException(UUID scanId, String stationId, ScanVerdict.Action action) {
        super("Scan id " + scanId + " was already used at " + stationId + " for " + action
                + " with a different request; send a new scan id");
    }
}
