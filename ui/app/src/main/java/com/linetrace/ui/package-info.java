/** The plant's screens: the Vaadin app shell, the main layout and the UI's auto-configuration. */
@NullMarked
package com.linetrace.ui;

import org.jspecify.annotations.NullMarked;
