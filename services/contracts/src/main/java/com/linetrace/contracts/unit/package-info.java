/**
 * The events of a unit's life on {@code linetrace.unit-events.v1}, keyed by serial. Names follow IPC-CFX where
 * one fits (UnitsArrived, WorkCompleted, UnitsDeparted) and are our own otherwise.
 */
@NullMarked
package com.linetrace.contracts.unit;

import org.jspecify.annotations.NullMarked;
