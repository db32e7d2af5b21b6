/** The dead-letter view: records the plant's consumers could not process, to replay or discard with a reason. */
@NullMarked
package com.linetrace.ui.deadletter;

import org.jspecify.annotations.NullMarked;
