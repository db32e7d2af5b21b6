/** The tracking service as a process of its own. */
@NullMarked
package com.linetrace.tracking.launcher;

import org.jspecify.annotations.NullMarked;
