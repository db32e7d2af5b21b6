/** Work orders: release one with its serials, follow the latest, print their serial labels. */
@NullMarked
package com.linetrace.ui.workorder;

import org.jspecify.annotations.NullMarked;
