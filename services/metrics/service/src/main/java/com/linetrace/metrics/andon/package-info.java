/**
 * The andon: rules over the metrics schema raise a line's alerts (a station stalled, low first-pass yield, a lot
 * quarantined, a firmware release revoked, dead letters waiting), a supervisor acknowledges them, and they clear when
 * their cause does; each step is a line event through metrics' outbox.
 */
@NullMarked
package com.linetrace.metrics.andon;

import org.jspecify.annotations.NullMarked;
