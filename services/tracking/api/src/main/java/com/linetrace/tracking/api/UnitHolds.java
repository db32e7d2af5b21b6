package com.linetrace.tracking.api;

import java.util.List;

/**
 * Stopping units: holds (supervisor, quality), releases (quality only, with a reason), scrap (final) and lot
 * quarantine (quality), which holds every unit containing the lot and refuses the lot at every station. Each
 * method checks the caller's role; a refusal throws {@link HoldRefusedException} with the reason in words.
 */
public interface UnitHolds {

    /** What a request to stop units did: the serials held now, and those it could not hold (unknown, scrapped). */
    record Outcome(List<String> held, List<String> skipped) {}

    Outcome hold(List<String> serials, String reason, String actor);

    Outcome holdWorkOrder(String workOrder, String reason, String actor);

    Outcome quarantineLot(String partNumber, String lot, String reason, String actor);

    /** Lifts a lot's quarantine; the units it held stay held until quality releases each. False if not quarantined. */
    boolean liftQuarantine(String partNumber, String lot, String actor);

    void release(String serial, String reason, String actor);

    void scrap(String serial, String reason, String actor);
}
