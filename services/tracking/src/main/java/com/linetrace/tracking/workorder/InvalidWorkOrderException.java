package com.linetrace.tracking.workorder;

/** A work order that cannot be released as asked; the message says why. */
class InvalidWorkOrderException extends RuntimeException {

    InvalidWorkOrderException(String message) {
        super(message);
    }
}
