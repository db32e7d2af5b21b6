/**
 * A line's metrics: the listeners that record each unit and line event once into the {@code metrics} schema, and the
 * computation of {@link com.linetrace.metrics.api.LinePerformance} from what they recorded.
 */
@NullMarked
package com.linetrace.metrics.line;

import org.jspecify.annotations.NullMarked;
