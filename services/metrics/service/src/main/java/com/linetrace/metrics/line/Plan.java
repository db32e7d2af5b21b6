package com.linetrace.metrics.line;

import com.linetrace.metrics.shift.ShiftCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line's plan made of its released work orders, level-loaded: each work order's quantity is spread evenly over the
 * productive time (shifts less breaks) from its release to the end of its due date, or to the end of the day it was
 * released when it has none. A work order whose span holds no productive time is planned whole at its release.
 */
public final class Plan {

    public record WorkOrder(int quantity, @Nullable LocalDate dueDate, Instant releasedAt) {}

    private final List<WorkOrder> orders;
    private final ShiftCalendar calendar;
    private final long[] spanSeconds;

    public Plan(List<WorkOrder> orders, ShiftCalendar calendar) {
        this.orders = List.copyOf(orders);
        this.calendar = calendar;
        this.spanSeconds = new long[this.orders.size()];
        for (int i = 0; i < this.orders.size(); i++) {
            var order = this.orders.get(i);
            spanSeconds[i] = calendar.productive(order.releasedAt(), end(order)).toSeconds();
        }
    }

    /** Units the plan asks for in {@code [from, to)}. */
    public double planned(Instant from, Instant to) {
        double planned = 0;
        for (int i = 0; i < orders.size(); i++) {
            var order = orders.get(i);
            if (spanSeconds[i] == 0) {
                if (!order.releasedAt().isBefore(from) && order.releasedAt().isBefore(to)) {
                    planned += order.quantity();
                }
                continue;
            }
            var start = later(from, order.releasedAt());
            var end = earlier(to, end(order));
            planned +=
                    order.quantity() * (double) calendar.productive(start, end).toSeconds() / spanSeconds[i];
        }
        return planned;
    }

    /** Where a work order's span ends: the end of its due date, else of the day it was released. */
    Instant end(WorkOrder order) {
        var day = order.dueDate() != null ? order.dueDate() : LocalDate.ofInstant(order.releasedAt(), calendar.zone());
        return calendar.endOf(day);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
