package com.linetrace.contracts;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How every topic's codec reads the fields of an envelope, and words what is wrong with one without quoting the
 * payload (it may hold anything a sender put there).
 */
public final class EnvelopeFields {

    private EnvelopeFields() {}

    /** The field's value; a missing or null field is a {@link MalformedEventException}. */
    public static JsonNode required(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("Missing field '" + field + "'");
        }
        return value;
    }

    /** The field's text; a missing field, or one that is not text, is a {@link MalformedEventException}. */
    public static String text(JsonNode node, String field) {
        var value = required(node, field);
        if (!value.isString()) {
            throw new MalformedEventException("Field '" + field + "' is not text");
        }
        return value.asString();
    }

    /** The {@link MalformedTextException} a body's constructor threw, wherever Jackson wrapped it, or null. */
    public static @Nullable MalformedTextException textProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedTextException text) {
                return text;
            }
        }
        return null;
    }
}
