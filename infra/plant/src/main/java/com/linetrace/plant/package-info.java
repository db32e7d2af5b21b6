/** The plant in a box: a main, the embedded servers when no real ones are configured, and nothing else. */
@NullMarked
package com.linetrace.plant;

import org.jspecify.annotations.NullMarked;
