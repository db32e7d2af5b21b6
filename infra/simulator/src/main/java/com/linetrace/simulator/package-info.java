/**
 * The line simulator: units of the demo line driven through the plant's own HTTP API as station clients would,
 * with failures at test, repairs and the odd wrong scan, so the dashboard has something true to show.
 */
@NullMarked
package com.linetrace.simulator;

import org.jspecify.annotations.NullMarked;
