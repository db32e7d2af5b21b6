package com.linetrace.tracking.api;

/** A hold, release or scrap that cannot be done as asked; the message says why. Answered with 400. */
public class HoldRefusedException extends RuntimeException {

    public HoldRefusedException(String message) {
        super(message);
    }
}
