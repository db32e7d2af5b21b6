package com.linetrace.tracking.unit;

import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Route;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.Decision.Go;
import com.linetrace.tracking.unit.Decision.Stop;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a unit may be checked in at a station: only for its next required step (or the repair of a
 * failed one), only when it is not held, scrapped or completed, only on its own line, and only when it is not
 * checked in somewhere else; and whether work may then be recorded on it there. Pure logic; the caller holds the
 * unit's row lock.
 */
public final class Interlock {

    private Interlock() {}

    /**
     * @param verified the provisioning items ({@code FIRMWARE:<module>}, {@code KEY}) verified for the unit; pack-out
     *     requires every item its route names
     */
    public static Decision checkIn(UnitState unit, Route route, Station station, Set<String> verified) {
        var serial = unit.serial().value();
        var stopped = stopped(unit);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        if (!unit.lineId().equals(station.lineId())) {
            return new Stop(
                    Refusal.WRONG_LINE,
                    "Unit " + serial + " belongs to line " + unit.lineId() + ", not to line " + station.lineId(),
                    null);
        }
        var nextSeq = unit.nextSeq();
        var next = nextSeq == null ? null : route.operation(nextSeq).orElse(null);
        if (next == null) {
            return new Stop(Refusal.UNIT_COMPLETED, "Unit " + serial + " has no step left on its route", null);
        }
        if (unit.checkedInStation() != null) {
            if (unit.checkedInStation().equals(station.id())) {
                return new Go(
                        next, unit.rework(), true, "Already checked in here for " + workLabel(next, unit.rework()));
            }
            return new Stop(
                    Refusal.CHECKED_IN_ELSEWHERE,
                    "Unit " + serial + " is checked in at " + unit.checkedInStation() + "; check it out there first",
                    next);
        }
        if (unit.rework()) {
            if (station.kind().equals(Route.REPAIR)) {
                return new Go(next, true, false, workLabel(next, true));
            }
            return new Stop(
                    Refusal.WRONG_STATION,
                    "Unit " + serial + " failed " + next.label() + " and must go to a REPAIR station first",
                    next);
        }
        if (station.kind().equals(next.stationKind())) {
            if (next.stationKind().equals(Route.PACK)) {
                var missing = packOut(route, next, verified);
                if (missing.isPresent()) {
                    return missing.get();
                }
            }
            return new Go(next, false, false, workLabel(next, false));
        }
        var later = route.nextOfKind(nextSeq, station.kind());
        if (later.isPresent()) {
            return new Stop(
                    Refusal.WRONG_STATION,
                    "Step missing: " + next.label() + " (" + kindWords(next.stationKind()) + ") must be done before "
                            + later.get().label(),
                    next);
        }
        return new Stop(
                Refusal.WRONG_STATION,
                "Wrong station: the next step is " + next.label() + " at a " + kindWords(next.stationKind())
                        + " station, this is a " + kindWords(station.kind()) + " station",
                next);
    }

    /**
     * Decides whether work may be recorded on a unit at a station (a part scan, a check-out): only while it is
     * checked in there, and not once it is held, scrapped or completed. A hold that arrives while the unit is
     * checked in stops it where it stands: nothing more is recorded until quality releases it.
     */
    public static Optional<Stop> mayWorkOn(UnitState unit, Station station) {
        var stopped = stopped(unit);
        if (stopped.isPresent()) {
            return stopped;
        }
        if (!station.id().equals(unit.checkedInStation()) || unit.checkedInSeq() == null) {
            var where = unit.checkedInStation() == null
                    ? "is not checked in anywhere"
                    : "is checked in at " + unit.checkedInStation();
            return Optional.of(
                    new Stop(Refusal.NOT_CHECKED_IN, "Unit " + unit.serial().value() + " " + where, null));
        }
        return Optional.empty();
    }

    /**
     * Refuses a pack-out that lacks a provisioning item its route requires: at check-in, and again at check-out,
     * since a rejected re-flash or a revocation can withdraw a verification while the unit is at the pack station.
     */
    public static Optional<Stop> packOut(Route route, Operation pack, Set<String> verified) {
        var missing = route.provisioningRequired().stream()
                .filter(item -> !verified.contains(item))
                .map(Interlock::itemWords)
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stop(
                Refusal.PROVISIONING_MISSING,
                "Pack-out refused: not verified yet: " + String.join(", ", missing),
                pack));
    }

    /** A unit no station may work on: completed, scrapped or held, with the reason. */
    private static Optional<Stop> stopped(UnitState unit) {
        var serial = unit.serial().value();
        return switch (unit.status()) {
            case COMPLETED ->
                Optional.of(
                        new Stop(Refusal.UNIT_COMPLETED, "Unit " + serial + " is already completed and packed", null));
            case SCRAPPED ->
                Optional.of(new Stop(
                        Refusal.UNIT_SCRAPPED,
                        "Unit " + serial + " is scrapped"
                                + (unit.scrappedReason() == null ? "" : ": " + unit.scrappedReason()),
                        null));
            default ->
                unit.held()
                        ? Optional.of(new Stop(
                                Refusal.UNIT_HELD, "Unit " + serial + " is on hold: " + unit.holdReason(), null))
                        : Optional.empty();
        };
    }

    private static String workLabel(Operation op, boolean rework) {
        return rework ? "Repair after failed " + op.label() : op.label();
    }

    /**
     * Refuses a worker whose roles the station does not allow (a station with no list allows every role), for
     * every action at the station: check-in, part scans and check-out.
     */
    public static Optional<Stop> mayWorkAt(Station station, Set<String> roles) {
        if (station.allowedRoles().isEmpty() || station.allowedRoles().stream().anyMatch(roles::contains)) {
            return Optional.empty();
        }
        return Optional.of(new Stop(
                Refusal.ROLE_NOT_ALLOWED,
                "Your role does not allow work at " + station.id() + "; it needs "
                        + String.join(" or ", station.allowedRoles()),
                null));
    }

    private static String itemWords(String item) {
        return item.equals("KEY")
                ? "key injection"
                : "firmware of "
                        + item.substring(item.indexOf(':') + 1).toLowerCase().replace('_', ' ');
    }

    private static String kindWords(String kind) {
        return kind.toLowerCase().replace('_', ' ');
    }
}
