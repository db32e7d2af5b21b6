/**
 * Where-used: the units that contain a lot, a part serial, a firmware release or a device key, paged lazily over
 * trace's keyset pages; hold them all through tracking; export them as CSV.
 */
@NullMarked
package com.linetrace.ui.whereused;

import org.jspecify.annotations.NullMarked;
