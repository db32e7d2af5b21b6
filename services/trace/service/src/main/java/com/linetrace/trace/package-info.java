/** Trace: the read model of every unit's life, built from the unit and provisioning events. */
@NullMarked
package com.linetrace.trace;

import org.jspecify.annotations.NullMarked;
