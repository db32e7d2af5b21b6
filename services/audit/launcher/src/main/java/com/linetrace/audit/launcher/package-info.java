/** Audit as a process of its own. */
@NullMarked
package com.linetrace.audit.launcher;

import org.jspecify.annotations.NullMarked;
