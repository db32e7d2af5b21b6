/** Printable sheets of barcode labels: serials of a work order, ids of a line's stations. */
@NullMarked
package com.linetrace.tracking.label;

import org.jspecify.annotations.NullMarked;
