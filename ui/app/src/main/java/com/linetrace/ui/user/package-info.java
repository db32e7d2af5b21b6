/** The plant's people: the admins' user administration and the first-run setup of a plant outside the demo. */
@NullMarked
package com.linetrace.ui.user;

import org.jspecify.annotations.NullMarked;
