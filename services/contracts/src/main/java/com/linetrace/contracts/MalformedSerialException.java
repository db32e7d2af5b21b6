package com.linetrace.contracts;

/** A text that is not a valid serial; the message says why in words a line worker understands. */
public class MalformedSerialException extends IllegalArgumentException {

    public MalformedSerialException(String reason) {
        super(reason);
    }
}
