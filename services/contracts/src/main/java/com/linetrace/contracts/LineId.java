package com.linetrace.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A production line's id: capitals, digits and dashes, up to 20 ({@code L1}). */
public record LineId(@JsonValue String value) {

    public LineId {
        var problem = PlantIds.problemWith("line", value);
        if (problem != null) {
            throw new MalformedIdException(problem);
        }
    }

    /** Reads a typed line id, or says in plain words what is wrong with it. */
    @JsonCreator
    public static LineId parse(String text) {
        return new LineId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
