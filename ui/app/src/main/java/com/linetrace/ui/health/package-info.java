/** Whether the plant can record what its screens send it, shown on every screen. */
@NullMarked
package com.linetrace.ui.health;

import org.jspecify.annotations.NullMarked;
