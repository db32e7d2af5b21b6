package com.linetrace.ui.workorder;

import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.tracking.api.WorkOrderPlanning;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Tracking's work orders as the view sees them: two models with a route, one line, and what was asked. */
class FakeWorkOrderPlanning implements WorkOrderPlanning {

    final List<Summary> released = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Released release(ReleaseRequest request) {
        var model = request.model();
        var lineId = request.line().value();
        var quantity = request.quantity();
        var dueDate = request.dueDate();
        calls.add("release " + quantity + " " + model + " on " + lineId + " due " + dueDate);
        if (modelsWithRoute().stream().noneMatch(m -> m.id().equals(model))) {
            throw new WorkOrderRefusedException("Model '" + model + "' has no route");
        }
        if (quantity < 1 || quantity > 10_000) {
            throw new WorkOrderRefusedException("A work order builds 1 to 10000 units, not " + quantity);
        }
        if (dueDate != null && dueDate.isBefore(LocalDate.now())) {
            throw new WorkOrderRefusedException("The due date " + dueDate + " is in the past");
        }
        var number = "WO-%06d".formatted(released.size() + 7);
        var first = 100 * (released.size() + 1);
        var serials = IntStream.range(first, first + quantity)
                .mapToObj(n -> "LTRCA%09d".formatted(n))
                .toList();
        released.addFirst(new Summary(
                number, model, lineId, 1, quantity, dueDate, "supervisor", Instant.now(), quantity, 0, 0, 0, 0));
        return new Released(number, model, lineId, 1, serials);
    }

    @Override
    public List<Summary> workOrders(int limit) {
        return released.stream().limit(limit).toList();
    }

    @Override
    public Released workOrder(WorkOrderNumber number) {
        throw WorkOrderRefusedException.unknown(number);
    }

    /** The work orders whose labels were written to the export folder. */
    final java.util.List<String> exported = new java.util.ArrayList<>();

    @Override
    public ExportReceipt exportLabels(WorkOrderNumber number) {
        labels(number);
        exported.add(number.value());
        return new ExportReceipt("/srv/exports/labels-" + number + "-1.pdf", 42, "ab".repeat(32));
    }

    @Override
    public byte[] labels(WorkOrderNumber number) {
        return released.stream()
                .filter(order -> order.number().equals(number.value()))
                .findFirst()
                .map(order -> ("%PDF-1.7 labels of " + number).getBytes(StandardCharsets.US_ASCII))
                .orElseThrow(() -> WorkOrderRefusedException.unknown(number));
    }

    @Override
    public List<Choice> modelsWithRoute() {
        return List.of(new Choice("AX4-ENT", "AX4 Enterprise quadcopter"), new Choice("AX2-MAP", "AX2 mapper"));
    }

    @Override
    public List<Choice> lines() {
        return List.of(new Choice("L1", "Final assembly line 1"));
    }
}
