/** A unit's state on its route and the interlock that decides what it may do next. */
@NullMarked
package com.linetrace.tracking.unit;

import org.jspecify.annotations.NullMarked;
