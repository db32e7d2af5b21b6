package com.linetrace.metrics.api;

/**
 * A station's state in the SEMI E58 vocabulary of IPC-CFX's {@code ResourcePerformance.StationStateChanged}, derived
 * from the unit events (metrics' README says how).
 */
public enum StationState {
    /** Working on a unit, or between units with units waiting for it. */
    PRODUCTIVE,
    /** Idle: no unit in work and none waiting for a station of its kind. */
    STANDBY_STARVED,
    /** Idle while the units it passed on queue downstream past the blocked threshold. */
    STANDBY_BLOCKED,
    /** A unit in work or waiting for it, and no event at the station for longer than the stall threshold. */
    UNSCHEDULED_DOWN
}
