package com.linetrace.trace.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The parts installed at one operation of the unit's route, in the order they were installed. */
public record OperationParts(int operation, @Nullable String operationName, List<InstalledPart> parts) {

    public OperationParts {
        parts = List.copyOf(parts);
    }
}
