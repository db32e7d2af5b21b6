package com.linetrace.contracts;

/**
 * A text that is not a valid id of its kind (a station, a line, a work order); the message says what is wrong in
 * words the person who typed or scanned it understands, without quoting more of the text than a position.
 */
public class MalformedIdException extends IllegalArgumentException {

    public MalformedIdException(String reason) {
        super(reason);
    }
}
