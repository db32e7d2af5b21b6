/** Parts installed in units (the genealogy), their barcodes, and quarantined lots. */
@NullMarked
package com.linetrace.tracking.material;

import org.jspecify.annotations.NullMarked;
