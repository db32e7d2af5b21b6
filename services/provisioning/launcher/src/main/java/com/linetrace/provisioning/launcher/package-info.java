/** The provisioning service as a process of its own. */
@NullMarked
package com.linetrace.provisioning.launcher;

import org.jspecify.annotations.NullMarked;
