package com.linetrace.bulkload;

import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The order tracking's interlock lets a unit's events come in: issued first; at each operation check-in, its parts,
 * the check-out and the departure towards the step the departure names (REPAIR after a FAIL, then the failed
 * operation again); no check-in while held; nothing after a scrap or after completion.
 */
final class UnitOrder {

    private UnitOrder() {}

    /** What is wrong with a serial's events in this order, or null when tracking could have written them so. */
    static @Nullable String problemWith(List<UnitEvent> events) {
        if (events.isEmpty() || !(events.getFirst() instanceof UnitsInitialized)) {
            return "does not start with UnitsInitialized";
        }
        Integer expected = 10;
        boolean toRepair = false;
        boolean held = false;
        boolean over = false;
        int failures = 0;
        UnitsArrived in = null;
        boolean worked = false;
        for (int i = 1; i < events.size(); i++) {
            var event = events.get(i);
            var where = "event " + i + " (" + event.getClass().getSimpleName() + ")";
            if (over) {
                return where + " comes after the unit was scrapped or completed";
            }
            switch (event) {
                case UnitsInitialized e -> {
                    return where + ": issued twice";
                }
                case UnitsArrived e -> {
                    if (held || in != null) {
                        return where + ": checked in while " + (held ? "held" : "checked in elsewhere");
                    }
                    if (!Objects.equals(e.operation(), expected) || e.rework() != toRepair) {
                        return where + ": op " + e.operation() + (e.rework() ? " repair" : "") + ", expected op "
                                + expected + (toRepair ? " repair" : "");
                    }
                    in = e;
                    worked = false;
                }
                case MaterialsInstalled e -> {
                    if (in == null || in.rework() || worked || e.operation() != in.operation()) {
                        return where + ": a part outside its operation's work";
                    }
                }
                case WorkCompleted e -> {
                    if (in == null || worked || e.operation() != in.operation()) {
                        return where + ": a check-out without its check-in";
                    }
                    if (e.result() == WorkCompleted.Result.FAIL && e.defects().isEmpty()) {
                        return where + ": a FAIL without defect codes";
                    }
                    worked = true;
                    toRepair = e.result() == WorkCompleted.Result.FAIL;
                }
                case ReworkRouted e -> {
                    if (!toRepair
                            || in == null
                            || e.failedOperation() != in.operation()
                            || e.failures() != ++failures) {
                        return where + ": rework without a FAIL, or failures not counted up";
                    }
                }
                case UnitsDeparted e -> {
                    if (in == null || !worked || e.operation() != in.operation()) {
                        return where + ": a departure without a check-out";
                    }
                    if (toRepair != "REPAIR".equals(e.nextStationKind())) {
                        return where + ": departs to " + e.nextStationKind() + " after a "
                                + (toRepair ? "FAIL" : "PASS");
                    }
                    expected = e.nextOperation();
                    in = null;
                }
                case UnitCompleted e -> {
                    if (expected != null || in != null) {
                        return where + ": completed before the route is done";
                    }
                    over = true;
                }
                case UnitHeld e -> {
                    if (held) {
                        return where + ": held twice";
                    }
                    held = true;
                }
                case UnitReleased e -> {
                    if (!held) {
                        return where + ": released without a hold";
                    }
                    held = false;
                }
                case UnitScrapped e -> over = true;
            }
        }
        return null;
    }
}
