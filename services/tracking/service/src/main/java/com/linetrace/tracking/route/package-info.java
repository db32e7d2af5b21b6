/** Lines, stations, product models and their versioned routes: the plant's master data. */
@NullMarked
package com.linetrace.tracking.route;

import org.jspecify.annotations.NullMarked;
