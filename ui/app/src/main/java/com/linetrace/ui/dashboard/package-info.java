/** The line dashboard: units per station, today's totals and the latest events, updated live. */
@NullMarked
package com.linetrace.ui.dashboard;

import org.jspecify.annotations.NullMarked;
