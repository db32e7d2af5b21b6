package com.linetrace.contracts;

/**
 * A message that cannot be read as an event of its topic. Retrying will not help: the record goes to the
 * dead-letter topic with this message as the reason. The message never quotes the payload.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
