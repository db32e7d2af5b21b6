/** Runs the plant's screens apart from the services, as a process of its own. */
@NullMarked
package com.linetrace.ui.launcher;

import org.jspecify.annotations.NullMarked;
