package com.linetrace.trace.history;

import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;

/** A unit event in words, as a quality engineer reads a history. */
final class Summaries {

    private Summaries() {}

    static String of(UnitEvent event) {
        return switch (event) {
            case UnitsInitialized e ->
                "Serial issued by " + e.workOrder() + " (" + e.model() + ", route v" + e.routeVersion() + ")";
            case UnitsArrived e ->
                (e.rework() ? "Checked in for repair of op " : "Checked in for op ") + e.operation() + " "
                        + e.operationName();
            case WorkCompleted e ->
                e.result() + " at op " + e.operation() + " " + e.operationName()
                        + (e.defects().isEmpty() ? "" : " — defects " + String.join(", ", e.defects()));
            case UnitsDeparted e ->
                "Left op " + e.operation()
                        + (e.nextOperation() == null
                                ? "; route done"
                                : "; next op " + e.nextOperation() + " at " + e.nextStationKind());
            case UnitCompleted e -> "Completed (" + e.workOrder() + ")";
            case UnitHeld e -> "Held: " + e.reason();
            case UnitReleased e -> "Released: " + e.reason();
        };
    }
}
