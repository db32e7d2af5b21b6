package com.linetrace.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A station's id, as printed on its ID label: capitals, digits and dashes, up to 20 ({@code ASM-1}, {@code FW-1}).
 * A station belongs to one line and performs the operations of one kind.
 */
public record StationId(@JsonValue String value) {

    public StationId {
        var problem = PlantIds.problemWith("station", value);
        if (problem != null) {
            throw new MalformedIdException(problem);
        }
    }

    /** Reads a scanned or typed station id, or says in plain words what is wrong with it. */
    @JsonCreator
    public static StationId parse(String text) {
        return new StationId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
