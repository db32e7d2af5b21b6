package com.linetrace.contracts.unit;

/** A unit event in words, as a quality engineer reads a history and a dashboard shows it live. */
public final class UnitEventSummaries {

    private UnitEventSummaries() {}

    public static String of(UnitEvent event) {
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
            case UnitScrapped e -> "Scrapped: " + e.reason();
            case ReworkRouted e ->
                "Sent to repair after failing op " + e.failedOperation() + " (" + e.failures()
                        + (e.failures() == 1 ? " failure)" : " failures)");
            case MaterialsInstalled e ->
                "Installed " + e.partNumber()
                        + (e.partSerial() != null ? " serial " + e.partSerial() : " lot " + e.lot()) + " at op "
                        + e.operation();
        };
    }
}
