/**
 * Metrics: how each line performs against its plan, computed from {@code linetrace.unit-events.v1} and
 * {@code linetrace.line-events.v1} with plain consumers into the {@code metrics} schema.
 */
@NullMarked
package com.linetrace.metrics;

import org.jspecify.annotations.NullMarked;
