/**
 * What metrics offers people: a line's performance (output against plan, WIP, yield, cycle times, station states,
 * defects), served over HTTP under {@code /api/metrics/lines/{line}} and called in-process by the UI when it runs
 * beside metrics; refusals are {@link com.linetrace.metrics.api.MetricsProblem}s.
 */
@NullMarked
package com.linetrace.metrics.api;

import org.jspecify.annotations.NullMarked;
