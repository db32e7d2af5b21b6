/** The metrics service as a process of its own. */
@NullMarked
package com.linetrace.metrics.launcher;

import org.jspecify.annotations.NullMarked;
