package com.linetrace.trace.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event in a unit's life as trace recorded it.
 *
 * @param type the event's stable type name (UnitsArrived, WorkCompleted…)
 * @param summary the event in words, e.g. "PASS at op 80 Tethered flight test"
 */
public record HistoryEntry(
        UUID eventId,
        String type,
        Instant occurredAt,
        String line,
        @Nullable String station,
        String serial,
        String actor,
        String summary) {}
