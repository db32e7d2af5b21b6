package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A work order was released for the envelope's line: {@code quantity} units of {@code model}, due by the end of
 * {@code dueDate} (a day in the plant's time zone; none when the supervisor gave none). What the line's plan is made
 * of.
 */
public record WorkOrderReleased(
        String workOrder,
        String model,
        int quantity,
        @Nullable LocalDate dueDate) implements LineEvent {

    public WorkOrderReleased {
        Text.require("workOrder", workOrder, Text.ID);
        Text.require("model", model, Text.ID);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}
