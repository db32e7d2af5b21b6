package com.linetrace.trace.api;

/**
 * Where a unit stands now, as trace read it from the unit's events. A held unit is {@link #HELD} whatever it was
 * doing; a scrapped one is {@link #SCRAPPED} for good.
 */
public enum UnitStatus {
    /** Its serial was issued (labels may be printed); it has not reached a station yet. */
    ISSUED,
    /** On its route: checked in at a station at least once, not completed, held or scrapped. */
    IN_WORK,
    /** On hold: refused at every station until quality releases it. */
    HELD,
    /** Packed: it passed the last operation of its route. */
    COMPLETED,
    /** Scrapped: final. */
    SCRAPPED
}
