/** Work at a station: scans, check-in through the interlock, check-out with PASS or FAIL, and their HTTP API. */
@NullMarked
package com.linetrace.tracking.station;

import org.jspecify.annotations.NullMarked;
