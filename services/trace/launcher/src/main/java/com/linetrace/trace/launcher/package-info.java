/** The trace service as a process of its own. */
@NullMarked
package com.linetrace.trace.launcher;

import org.jspecify.annotations.NullMarked;
