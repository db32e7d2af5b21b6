/**
 * What tracking offers people who need an answer now: check-in and check-out at a station, the state of a line,
 * holds, planning work orders and master data. Each interface is an HTTP interface: tracking's controllers implement
 * it (the plant's UI calls those beans in-process) and a client elsewhere calls it through an HTTP interface proxy.
 * The caller is the current Spring Security authentication, never a parameter. Refusals are
 * {@link com.linetrace.tracking.api.TrackingProblem}s. Nothing else in tracking is for other modules.
 */
@NullMarked
package com.linetrace.tracking.api;

import org.jspecify.annotations.NullMarked;
