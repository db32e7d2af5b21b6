package com.linetrace.tracking.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.export.ExportReceipt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Planning work orders: release one (its serials are issued at once, so labels can be printed before the first
 * station), list the latest with how far their units have come, and print their serial labels. Releasing and
 * labels are for supervisors, engineers and admins; quality and managers may also read. Each method checks the
 * caller's role; a work order that cannot be released as asked throws {@link WorkOrderRefusedException} with the
 * reason in words.
 */
@HttpExchange("/api/work-orders")
public interface WorkOrderPlanning {

    /**
     * A work order to release: {@code quantity} units of {@code model} on {@code line}, following the model's
     * current route version.
     *
     * @param dueDate optional; not before today
     */
    record ReleaseRequest(
            @NotBlank @Size(max = 40) String model,
            @NotNull LineId line,
            @Min(1) @Max(10_000) int quantity,
            @Nullable LocalDate dueDate) {}

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
     * Releases a work order and issues its serials; answered 201.
     *
     * @throws WorkOrderRefusedException for an unknown model or line, a model without a route, a quantity outside
     *     1 to 10000 or a due date in the past
     */
    @PostExchange(contentType = MediaType.APPLICATION_JSON_VALUE)
    Released release(@Valid @RequestBody ReleaseRequest request);

    /**
     * The latest work orders, newest first, at most {@code limit} (1 to 1000).
     *
     * @throws WorkOrderRefusedException for a limit outside 1 to 1000
     */
    @GetExchange
    List<Summary> workOrders(@RequestParam(defaultValue = "100") int limit);

    /**
     * A released work order with its serials.
     *
     * @throws WorkOrderRefusedException {@link TrackingProblem#UNKNOWN_WORK_ORDER} (404) when there is none
     */
    @GetExchange("/{number}")
    Released workOrder(@PathVariable WorkOrderNumber number);

    /**
     * The serial labels of a work order as a printable PDF (Code128); recorded as an audit action.
     *
     * @throws WorkOrderRefusedException {@link TrackingProblem#UNKNOWN_WORK_ORDER} (404) when there is none
     */
    @GetExchange("/{number}/labels")
    byte[] labels(@PathVariable WorkOrderNumber number);

    /**
     * Writes the serial labels of a work order to the plant's export folder ({@code linetrace.offline.export-dir})
     * instead of handing them out: the one way they leave in offline mode.
     *
     * @throws WorkOrderRefusedException {@link TrackingProblem#UNKNOWN_WORK_ORDER} (404) when there is none
     * @throws com.linetrace.contracts.problem.ProblemException {@code export-folder-not-configured} (409) without an
     *     export folder
     */
    @PostExchange("/{number}/labels/export")
    ExportReceipt exportLabels(@PathVariable WorkOrderNumber number);

    /** The models a work order can be released for: those with a route, by id. */
    @GetExchange("/models")
    List<Choice> modelsWithRoute();

    /** The plant's lines, by id. */
    @GetExchange("/lines")
    List<Choice> lines();
}
