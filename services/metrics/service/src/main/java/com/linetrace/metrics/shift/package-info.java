/** The plant's shift calendar: its time zone, shifts and breaks, and the productive time they leave. */
@NullMarked
package com.linetrace.metrics.shift;

import org.jspecify.annotations.NullMarked;
