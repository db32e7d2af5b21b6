package com.linetrace.ui.hold;

import com.linetrace.identity.api.SignatureProblem;
import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    public Outcome hold(HoldRequest request) {
        if (request.workOrder() != null) {
            return holdWorkOrder(request.workOrder().value(), request.reason());
        }
        return hold(request.serials(), request.reason());
    }

    private Outcome hold(List<String> serials, String reason) {
        calls.add("hold " + serials + " " + reason);
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

    private Outcome holdWorkOrder(String workOrder, String reason) {
        calls.add("hold work order " + workOrder + " " + reason);
        var units = workOrders.get(workOrder);
        if (units == null) {
            throw new HoldRefusedException("No work order " + workOrder);
        }
        return hold(units, reason);
    }

    @Override
    public Outcome quarantineLot(Lot request) {
        var partNumber = request.partNumber();
        var lot = request.lot();
        calls.add("quarantine " + partNumber + "/" + lot + " " + request.reason());
        quarantined.add(partNumber + "/" + lot);
        var units = unitsWithLot.getOrDefault(partNumber + "/" + lot, List.of());
        held.addAll(units);
        return new Outcome(units, List.of());
    }

    @Override
    public void liftQuarantine(Lot request) {
        var partNumber = request.partNumber();
        var lot = request.lot();
        calls.add("lift " + partNumber + "/" + lot);
        if (!quarantined.remove(partNumber + "/" + lot)) {
            throw new HoldRefusedException("Lot " + lot + " of " + partNumber + " is not quarantined");
        }
    }

    @Override
    public void release(String serial, Reason reason) {
        signed(reason);
        calls.add("release " + serial + " " + reason.reason() + " signed "
                + Objects.requireNonNull(reason.signature()).meaning());
        if (!held.remove(serial)) {
            throw new HoldRefusedException("Unit " + serial + " is not held");
        }
    }

    @Override
    public void scrap(String serial, Reason reason) {
        signed(reason);
        calls.add("scrap " + serial + " " + reason.reason());
        scrapped.add(serial);
    }

    /** As identity would: the demo users' password is their name. */
    private static void signed(Reason reason) {
        var signature = reason.signature();
        if (signature == null) {
            throw SignatureProblem.SIGNATURE_REQUIRED.exception("Sign it");
        }
        if (!List.of("quality", "supervisor", "admin").contains(signature.password())) {
            throw SignatureProblem.SIGNATURE_REFUSED.exception(
                    "The password is not yours, or you may not sign now: nothing was signed");
        }
    }
}
