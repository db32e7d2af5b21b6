/**
 * What trace offers people: a unit's history, and the latest events of a line. Served over HTTP under
 * {@code /api/units} and called in-process by the UI when it runs beside trace.
 */
@NullMarked
package com.linetrace.trace.api;

import org.jspecify.annotations.NullMarked;
