package com.linetrace.ui.hold;

import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tracking's holds as the view sees them: known serials, units per work order and lot, and what was asked. */
class FakeUnitHolds implements UnitHolds {

    final Set<String> known = new LinkedHashSet<>(List.of("LTRCA000000015", "LTRCA000000024", "LTRCA00000003B"));
    final Set<String> held = new LinkedHashSet<>();
    final Set<String> scrapped = new LinkedHashSet<>();
    final Map<String, List<String>> workOrders = new HashMap<>(Map.of("WO-000001", List.copyOf(known)));
    final Map<String, List<String>> unitsWithLot =
            new HashMap<>(Map.of("ARM-AX4/L2605", List.of("LTRCA000000015", "LTRCA000000024")));
    final Set<String> quarantined = new LinkedHashSet<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Outcome hold(List<String> serials, String reason, String actor) {
        calls.add("hold " + serials + " " + reason + " by " + actor);
        var done = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        for (var serial : serials) {
            if (known.contains(serial) && !scrapped.contains(serial)) {
                held.add(serial);
                done.add(serial);
            } else {
                skipped.add(serial);
            }
        }
        return new Outcome(done, skipped);
    }

    @Override
    public Outcome holdWorkOrder(String workOrder, String reason, String actor) {
        calls.add("hold work order " + workOrder + " " + reason + " by " + actor);
        var units = workOrders.get(workOrder);
        if (units == null) {
            throw new HoldRefusedException("No work order " + workOrder);
        }
        return hold(units, reason, actor);
    }

    @Override
    public Outcome quarantineLot(String partNumber, String lot, String reason, String actor) {
        calls.add("quarantine " + partNumber + "/" + lot + " " + reason + " by " + actor);
        quarantined.add(partNumber + "/" + lot);
        var units = unitsWithLot.getOrDefault(partNumber + "/" + lot, List.of());
        held.addAll(units);
        return new Outcome(units, List.of());
    }

    @Override
    public boolean liftQuarantine(String partNumber, String lot, String actor) {
        calls.add("lift " + partNumber + "/" + lot + " by " + actor);
        return quarantined.remove(partNumber + "/" + lot);
    }

    @Override
    public void release(String serial, String reason, String actor) {
        calls.add("release " + serial + " " + reason + " by " + actor);
        if (!held.remove(serial)) {
            throw new HoldRefusedException("Unit " + serial + " is not held");
        }
    }

    @Override
    public void scrap(String serial, String reason, String actor) {
        calls.add("scrap " + serial + " " + reason + " by " + actor);
        scrapped.add(serial);
    }
}
