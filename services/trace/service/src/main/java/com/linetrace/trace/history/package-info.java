/** Units' histories: recording unit events once each, and serving them. */
@NullMarked
package com.linetrace.trace.history;

import org.jspecify.annotations.NullMarked;
