package com.linetrace.ui.dashboard;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitEventSummaries;
import com.linetrace.trace.api.HistoryEntry;

/** A live event as a history entry, in the same words trace uses, so that live and loaded events read alike. */
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
                UnitEventSummaries.of(event.body()));
    }
}
