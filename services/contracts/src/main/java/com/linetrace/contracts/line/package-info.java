/**
 * Events about a line rather than one unit, on {@code linetrace.line-events.v1}, keyed by line: work orders released
 * (the plan), lots quarantined and lifted (tracking), andon alerts raised, acknowledged and cleared (metrics). Each travels in a
 * {@link com.linetrace.contracts.line.LineEventEnvelope}, which has no serial; the unit events and their envelope stay
 * as they are.
 */
@NullMarked
package com.linetrace.contracts.line;

import org.jspecify.annotations.NullMarked;
