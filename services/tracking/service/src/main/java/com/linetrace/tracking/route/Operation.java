package com.linetrace.tracking.route;

import java.util.List;
import java.util.Optional;

/** One step of a route: done at a station of {@code stationKind}, installing {@code parts}. */
public record Operation(int seq, String name, String stationKind, String instruction, List<Part> parts) {

    public Operation {
        parts = List.copyOf(parts);
    }

    public Operation(int seq, String name, String stationKind, String instruction) {
        this(seq, name, stationKind, instruction, List.of());
    }

    public String label() {
        return "op " + seq + " " + name;
    }

    public Optional<Part> part(String partNumber) {
        return parts.stream().filter(p -> p.partNumber().equals(partNumber)).findFirst();
    }
}
