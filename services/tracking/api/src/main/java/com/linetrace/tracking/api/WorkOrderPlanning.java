package com.linetrace.tracking.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Planning work orders: release one (its serials are issued at once, so labels can be printed before the first
 * station), list the latest with how far their units have come, and print their serial labels. Releasing and
 * labels are for supervisors, engineers and admins; quality and managers may also read. Each method checks the
 * caller's role; a work order that cannot be released as asked throws {@link WorkOrderRefusedException} with the
 * reason in words.
 */
public interface WorkOrderPlanning {

    /** A work order just released, with the serials it issued in order. */
    record Released(String number, String model, String lineId, int routeVersion, List<String> serials) {

        public Released {
            serials = List.copyOf(serials);
        }
    }

    /**
     * A work order and where its units stand. Each unit is counted once: scrapped; else held (whatever its step);
     * else completed, in work (started, not completed) or not started. So the five counts add up to the quantity.
     */
    record Summary(
            String number,
            String model,
            String lineId,
            int routeVersion,
            int quantity,
            @Nullable LocalDate dueDate,
            String createdBy,
            Instant createdAt,
            int notStarted,
            int inWork,
            int held,
            int completed,
            int scrapped) {}

    /** Something a release form offers to pick: its id and its name in words. */
    record Choice(String id, String name) {}

    /**
     * Releases a work order of {@code quantity} units of {@code model} on {@code lineId}; they follow the model's
     * current route version.
     *
     * @param dueDate optional; not before today
     * @throws WorkOrderRefusedException for an unknown model or line, a model without a route, a quantity outside
     *     1 to 10000 or a due date in the past
     */
    Released release(String model, String lineId, int quantity, @Nullable LocalDate dueDate, String actor);

    /**
     * The latest work orders, newest first, at most {@code limit} (1 to 1000).
     *
     * @throws WorkOrderRefusedException for a limit outside 1 to 1000
     */
    List<Summary> workOrders(int limit);

    /** The serial labels of a work order as a printable PDF (Code128), or empty when there is no such work order. */
    Optional<byte[]> labels(String number);

    /** The models a work order can be released for: those with a route, by id. */
    List<Choice> modelsWithRoute();

    /** The plant's lines, by id. */
    List<Choice> lines();
}
