/**
 * What tracking offers people who need an answer now: check-in and check-out at a station, the state of a line,
 * holds, and planning work orders. The UI calls these in-process when it runs beside tracking; the same operations
 * are served over tracking's HTTP API ({@code /api/stations}, {@code /api/lines}, {@code /api/holds},
 * {@code /api/work-orders}…). Nothing else in tracking is for other modules.
 */
@NullMarked
package com.linetrace.tracking.api;

import org.jspecify.annotations.NullMarked;
