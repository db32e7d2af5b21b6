package com.linetrace.tracking.api;

import java.util.List;

/**
 * The work a station has on a unit checked in there: what to do, and the parts still to scan before a PASS.
 *
 * @param rework the unit is at repair for {@code operation}
 */
public record Work(
        String serial,
        int operation,
        String operationName,
        String instruction,
        boolean rework,
        List<PartProgress> parts) {

    public boolean partsComplete() {
        return parts.stream().allMatch(p -> p.installed() >= p.required());
    }

    /** One line of the operation's bill of materials and how many are installed. */
    public record PartProgress(
            String partNumber, String description, int required, int installed, boolean serialized) {}
}
