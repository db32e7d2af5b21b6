/** Trace: the read model of every unit's life, built from {@code linetrace.unit-events.v1}. */
@NullMarked
package com.linetrace.trace;

import org.jspecify.annotations.NullMarked;
