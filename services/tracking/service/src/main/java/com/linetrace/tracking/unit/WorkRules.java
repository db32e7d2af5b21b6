package com.linetrace.tracking.unit;

import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.Work;
import com.linetrace.tracking.material.PartBarcode;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Route;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.Decision.Stop;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What may be recorded on a unit checked in at a station, once {@link Interlock#mayWorkOn} let work go on there: a
 * part installed (from its label) and the check-out. Pure logic, beside the {@link Interlock}; the caller holds the
 * unit's row lock and reads the facts these rules decide on.
 */
public final class WorkRules {

    private WorkRules() {}

    /**
     * What the plant knows about a scanned part, read with the unit locked.
     *
     * @param installed how many of its part number the operation has installed in the unit so far
     * @param installedIn the unit that already has this part serial, if the label carries one
     * @param quarantine why the label's lot is quarantined, if it carries a lot and the lot is
     */
    public record PartFacts(
            int installed,
            @Nullable String installedIn,
            @Nullable String quarantine) {}

    /**
     * Decides a part scan for {@code operation}: the part must be on its bill of materials (a unit at repair
     * installs nothing), traced the way the bill says (by serial or by lot), not complete yet, its serial in no
     * unit, its lot not quarantined. Empty: install it.
     */
    public static Optional<Stop> installPart(UnitState unit, Operation operation, PartBarcode part, PartFacts facts) {
        var line = operation.part(part.partNumber()).orElse(null);
        if (line == null || unit.rework()) {
            return stop(
                    Refusal.PART_NOT_IN_BILL_OF_MATERIALS,
                    part.partNumber() + " is not in the bill of materials of " + operation.label(),
                    operation);
        }
        if (line.serialized() != part.serialized()) {
            return stop(
                    Refusal.MALFORMED_PART_BARCODE,
                    line.serialized()
                            ? part.partNumber() + " is traced by serial: scan the part's own serial label (;S=)"
                            : part.partNumber() + " is traced by lot: scan its lot label (;L=)",
                    operation);
        }
        if (facts.installed() >= line.quantity()) {
            return stop(
                    Refusal.PART_QUANTITY_COMPLETE,
                    "All " + line.quantity() + " × " + part.partNumber() + " are already installed",
                    operation);
        }
        if (facts.installedIn() != null) {
            return stop(
                    Refusal.PART_ALREADY_INSTALLED,
                    part.partNumber() + " serial " + part.partSerial() + " is already installed in unit "
                            + facts.installedIn(),
                    operation);
        }
        if (facts.quarantine() != null) {
            return stop(
                    Refusal.LOT_QUARANTINED,
                    "Lot " + part.lot() + " of " + part.partNumber() + " is quarantined: " + facts.quarantine(),
                    operation);
        }
        return Optional.empty();
    }

    /**
     * Decides a check-out of {@code operation} at {@code station}: a FAIL is always recorded (it sends the unit to
     * repair); a PASS needs every part of the bill scanned, and at pack-out provisioning still verified, since a
     * rejected re-flash or a revocation can withdraw a verification while the unit is at the pack station. A PASS at
     * repair needs neither: the repair is of the failed operation, whose parts are in. Empty: record it.
     *
     * @param work the operation's parts and how many are installed
     * @param verified the provisioning items verified for the unit (read only for a pack station)
     */
    public static Optional<Stop> checkOut(
            Route route,
            Operation operation,
            Station station,
            boolean atRepair,
            Result result,
            Work work,
            Set<String> verified) {
        if (result != Result.PASS || atRepair) {
            return Optional.empty();
        }
        var missing = missingParts(work);
        if (!missing.isEmpty()) {
            return stop(Refusal.PARTS_MISSING, "Scan the missing parts first: " + missing, operation);
        }
        return station.kind().equals(Route.PACK) ? Interlock.packOut(route, operation, verified) : Optional.empty();
    }

    /** The parts still to scan, in words ({@code 4 × ESC-40A, 1 × FC-H7}); empty when every part is in. */
    public static String missingParts(Work work) {
        return missingParts(work.parts());
    }

    static String missingParts(List<Work.PartProgress> parts) {
        return parts.stream()
                .filter(p -> p.installed() < p.required())
                .map(p -> (p.required() - p.installed()) + " × " + p.partNumber())
                .collect(Collectors.joining(", "));
    }

    private static Optional<Stop> stop(Refusal refusal, String message, Operation operation) {
        return Optional.of(new Stop(refusal, message, operation));
    }
}
