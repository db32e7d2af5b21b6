/** Holds, releases and scrap of units, and quarantine of lots: what stops units that must not go on. */
@NullMarked
package com.linetrace.tracking.hold;

import org.jspecify.annotations.NullMarked;
