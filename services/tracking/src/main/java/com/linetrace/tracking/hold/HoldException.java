package com.linetrace.tracking.hold;

/** A hold, release or scrap that cannot be done as asked; the message says why. Answered with 400. */
public class HoldException extends RuntimeException {

    public HoldException(String message) {
        super(message);
    }
}
