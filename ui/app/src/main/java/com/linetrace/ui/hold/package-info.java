/** Stopping units: hold serials or a work order, release or scrap a unit, quarantine a lot. */
@NullMarked
package com.linetrace.ui.hold;

import org.jspecify.annotations.NullMarked;
