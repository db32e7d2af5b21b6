/** What clients of the dead-letter desk call: the dead letters, their states, and the desk's refusals. */
@NullMarked
package com.linetrace.deadletter.api;

import org.jspecify.annotations.NullMarked;
