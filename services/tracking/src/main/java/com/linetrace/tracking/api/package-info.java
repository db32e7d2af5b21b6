/**
 * What tracking offers people who need an answer now: check-in and check-out at a station, and the state of a
 * line. The UI calls these in-process when it runs beside tracking; the same operations are served over HTTP
 * under {@code /api/stations} and {@code /api/lines}. Nothing else in tracking is for other modules.
 */
@NullMarked
package com.linetrace.tracking.api;

import org.jspecify.annotations.NullMarked;
