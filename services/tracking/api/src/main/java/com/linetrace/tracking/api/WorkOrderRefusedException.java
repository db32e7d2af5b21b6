package com.linetrace.tracking.api;

/** A work order that cannot be released or listed as asked; the message says why. Answered with 400. */
public class WorkOrderRefusedException extends RuntimeException {

    public WorkOrderRefusedException(String message) {
        super(message);
    }
}
