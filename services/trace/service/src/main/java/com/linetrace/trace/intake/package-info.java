/**
 * Trace's intake: the unit and provisioning events, each applied once (the inbox row and the read-model rows commit
 * together), into the read model's tables; and the rebuild of that model from the topics at offset zero.
 */
@NullMarked
package com.linetrace.trace.intake;

import org.jspecify.annotations.NullMarked;
