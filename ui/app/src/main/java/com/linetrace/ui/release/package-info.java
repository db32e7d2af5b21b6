/** Firmware releases: register one with its signature, approve or revoke it, see a revoked release's units. */
@NullMarked
package com.linetrace.ui.release;

import org.jspecify.annotations.NullMarked;
