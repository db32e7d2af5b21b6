package com.linetrace.tracking.route;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line of an operation's bill of materials: a part number, how many, whether each has its own serial, and where on
 * the unit each sits (one reference designator a part, given in the order they are installed; empty when the route
 * names no places).
 */
public record Part(
        String partNumber, String description, int quantity, boolean serialized, List<String> referenceDesignators) {

    public Part {
        referenceDesignators = List.copyOf(referenceDesignators);
    }

    public Part(String partNumber, String description, int quantity, boolean serialized) {
        this(partNumber, description, quantity, serialized, List.of());
    }

    /** The place of the part installed after {@code installed} others of this line, or null when none is named. */
    public @Nullable String designatorAfter(int installed) {
        return installed < referenceDesignators.size() ? referenceDesignators.get(installed) : null;
    }
}
