package com.linetrace.contracts;

/**
 * Text that LineTrace refuses to take in or send on: too long, or holding characters that no consumer could store
 * or show (see {@link Text}). The message names the field and what is wrong, never quoting the text.
 */
public class MalformedTextException extends IllegalArgumentException {

    private final String field;

    public MalformedTextException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The name of the field whose text was refused. */
    public String field() {
        return field;
    }
}
