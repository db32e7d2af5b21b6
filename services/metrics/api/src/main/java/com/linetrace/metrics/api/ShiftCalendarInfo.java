package com.linetrace.metrics.api;

import java.util.List;

/**
 * The plant's shift calendar as metrics counts it: its time zone and the shifts of every day ({@code HH:mm}; an end
 * at or before the start is on the next day).
 */
public record ShiftCalendarInfo(String timeZone, List<ShiftTimes> shifts) {

    public ShiftCalendarInfo {
        shifts = List.copyOf(shifts);
    }

    /** One shift of every day. */
    public record ShiftTimes(String name, String start, String end) {}
}
