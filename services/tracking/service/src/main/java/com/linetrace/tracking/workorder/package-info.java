/** Work orders: a quantity of one model on one line, released with its serials issued. */
@NullMarked
package com.linetrace.tracking.workorder;

import org.jspecify.annotations.NullMarked;
