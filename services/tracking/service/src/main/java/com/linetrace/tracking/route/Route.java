package com.linetrace.tracking.route;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ordered operations a unit of a model must pass. A unit failing an operation goes to a REPAIR station and
 * then back to that operation; after {@code maxFailures} failures it is held. Pack-out requires provisioning to
 * have verified the firmware of each of {@code firmwareModules} and, when {@code requiresKey}, a key injection.
 */
public record Route(
        long id,
        String model,
        int version,
        int maxFailures,
        List<Operation> operations,
        List<String> firmwareModules,
        boolean requiresKey) {

    public static final String PACK = "PACK";

    public static final String REPAIR = "REPAIR";

    public Route {
        operations = List.copyOf(operations);
        firmwareModules = List.copyOf(firmwareModules);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("A route has at least one operation");
        }
    }

    /** What pack-out requires, as provisioning items: {@code FIRMWARE:<module>} and {@code KEY}. */
    public List<String> provisioningRequired() {
        var items = new java.util.ArrayList<String>();
        firmwareModules.forEach(module -> items.add("FIRMWARE:" + module));
        if (requiresKey) {
            items.add("KEY");
        }
        return items;
    }

    public Operation first() {
        return operations.getFirst();
    }

    public Optional<Operation> operation(int seq) {
        return operations.stream().filter(op -> op.seq() == seq).findFirst();
    }

    /** The operation after {@code seq}, or null when {@code seq} is the last. */
    public @Nullable Operation after(int seq) {
        return operations.stream().filter(op -> op.seq() > seq).findFirst().orElse(null);
    }

    /** The first operation at or after {@code seq} done at a station of {@code kind}, if any. */
    public Optional<Operation> nextOfKind(int seq, String kind) {
        return operations.stream()
                .filter(op -> op.seq() >= seq && op.stationKind().equals(kind))
                .findFirst();
    }
}
