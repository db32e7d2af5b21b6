/**
 * Tracking: routes, work orders and serials, and each unit's way through its route station by station, guarded
 * by the interlock. Every change is published on {@code linetrace.unit-events.v1} through the outbox.
 */
@NullMarked
package com.linetrace.tracking;

import org.jspecify.annotations.NullMarked;
