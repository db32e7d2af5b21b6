package com.linetrace.ui.dashboard;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.trace.api.HistoryEntry;

/** Puts a live event in the words trace uses for its history, so that live and loaded events read alike. */
final class EventSummaries {

    private EventSummaries() {}

    static HistoryEntry entry(EventEnvelope<UnitEvent> event) {
        return new HistoryEntry(
                event.eventId(),
                UnitEvent.CODEC.typeOf(event.body()),
                event.occurredAt(),
                event.line(),
                event.station(),
                event.serial().value(),
                event.actor(),
                summary(event.body()));
    }

    static String summary(UnitEvent body) {
        return switch (body) {
            case UnitsInitialized e -> "Serial issued for " + e.model() + " (work order " + e.workOrder() + ")";
            case UnitsArrived e ->
                "Arrived for op " + e.operation() + " " + e.operationName() + (e.rework() ? " (rework)" : "");
            case WorkCompleted e ->
                e.result() + " at op " + e.operation() + " " + e.operationName()
                        + (e.defects().isEmpty() ? "" : ": " + String.join(", ", e.defects()));
            case UnitsDeparted e ->
                "Left op " + e.operation()
                        + (e.nextOperation() == null ? ", route done" : ", next op " + e.nextOperation());
            case UnitCompleted e -> "Completed and packed (work order " + e.workOrder() + ")";
            case UnitHeld e -> "Held: " + e.reason();
            case UnitReleased e -> "Released: " + e.reason();
        };
    }
}
