/** Wallboards: TVs on the floor showing one line, opened with a token an admin issues and revokes. */
@NullMarked
package com.linetrace.metrics.wallboard;

import org.jspecify.annotations.NullMarked;
