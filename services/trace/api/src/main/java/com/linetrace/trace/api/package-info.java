/**
 * What trace offers people: a unit's history and the latest events of a line ({@link
 * com.linetrace.trace.api.UnitHistory}); one unit's status, genealogy, operations, holds and provisioning ({@link
 * com.linetrace.trace.api.UnitTrace}); where-used of a lot, part serial, release or key ({@link
 * com.linetrace.trace.api.WhereUsed}); search ({@link com.linetrace.trace.api.UnitSearch}); a unit's device history record as PDF or JSON ({@link
 * com.linetrace.trace.api.DeviceHistoryRecords}). Served over HTTP and called
 * in-process by the UI when it runs beside trace; refusals are {@link com.linetrace.trace.api.TraceProblem}s.
 */
@NullMarked
package com.linetrace.trace.api;

import org.jspecify.annotations.NullMarked;
