/** The line dashboard: output against plan, WIP, yield, station states and charts from metrics, shared per line and pushed live; the latest events. */
@NullMarked
package com.linetrace.ui.dashboard;

import org.jspecify.annotations.NullMarked;
