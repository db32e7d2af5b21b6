/**
 * The station terminal: scan a unit in, see the interlock's verdict and the work to do, scan the parts, record
 * PASS or FAIL.
 */
@NullMarked
package com.linetrace.ui.station;

import org.jspecify.annotations.NullMarked;
