/** The demo plant's master data: line L1, model AX4-ENT with its route, and a first work order. */
@NullMarked
package com.linetrace.tracking.demo;

import org.jspecify.annotations.NullMarked;
