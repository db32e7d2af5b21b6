package com.linetrace.trace.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hold, release or scrap of the unit, with who and why.
 *
 * @param kind HELD, RELEASED or SCRAPPED
 */
public record HoldRecord(
        String kind, String reason, String actor, @Nullable String station, Instant at) {}
