/**
 * What trace offers people: a unit's history, and the latest events of a line. Served over HTTP under
 * {@code /api/units/{serial}/history} and {@code /api/unit-events?line=}, and called in-process by the UI when it
 * runs beside trace; refusals are {@link com.linetrace.trace.api.TraceProblem}s.
 */
@NullMarked
package com.linetrace.trace.api;

import org.jspecify.annotations.NullMarked;
