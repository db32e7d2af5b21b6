/**
 * Work at a station: the scan transaction (idempotent scan ids, the unit locked), check-in, parts installed and
 * check-out by the interlock's rules, the read side a terminal and the dashboard show, and their api binding.
 */
@NullMarked
package com.linetrace.tracking.station;

import org.jspecify.annotations.NullMarked;
