package com.linetrace.tracking.station;

/** A request a station cannot act on as sent (not a refusal of the unit): answered with 400. */
class InvalidScanException extends RuntimeException {

    InvalidScanException(String message) {
        super(message);
    }
}
