/** The wallboard: a line's numbers in large type for a TV on the floor, opened with a wallboard token. */
@NullMarked
package com.linetrace.ui.wallboard;

import org.jspecify.annotations.NullMarked;
