/** The deadletter service as a process of its own. */
@NullMarked
package com.linetrace.deadletter.launcher;

import org.jspecify.annotations.NullMarked;
