/** The identity service as a process of its own. */
@NullMarked
package com.linetrace.identity.launcher;

import org.jspecify.annotations.NullMarked;
