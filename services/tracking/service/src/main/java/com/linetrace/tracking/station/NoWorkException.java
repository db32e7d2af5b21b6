package com.linetrace.tracking.station;

/** Asked for the work on a unit that is not checked in at the station. */
class NoWorkException extends RuntimeException {

    NoWorkException(String serial, String stationId) {
        super("Unit " + (serial.length() > 20 ? serial.substring(0, 20) + "…" : serial) + " is not checked in at "
                + stationId);
    }
}
