package com.linetrace.tracking.route;

import java.util.List;

/**
 * A station of a line; it performs the operations of one kind.
 *
 * @param allowedRoles the roles allowed to work here; empty: every role that may scan
 */
public record Station(String id, String lineId, String kind, int flowOrder, String name, List<String> allowedRoles) {

    public Station {
        allowedRoles = List.copyOf(allowedRoles);
    }

    public Station(String id, String lineId, String kind, int flowOrder, String name) {
        this(id, lineId, kind, flowOrder, name, List.of());
    }
}
