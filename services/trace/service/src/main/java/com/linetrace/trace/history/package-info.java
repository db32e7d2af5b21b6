/** Units' histories (the intake records each unit event once): serving them. */
@NullMarked
package com.linetrace.trace.history;

import org.jspecify.annotations.NullMarked;
