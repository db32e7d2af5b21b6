package com.linetrace.trace.api;

import com.linetrace.contracts.Serial;
import java.util.List;

/** The recorded life of units, built from the events tracking publishes. */
public interface UnitHistory {

    /** Every event of a unit, oldest first; empty when trace has never heard of the serial. */
    List<HistoryEntry> history(Serial serial);

    /** The latest events of a line, newest first. */
    List<HistoryEntry> latest(String lineId, int limit);
}
