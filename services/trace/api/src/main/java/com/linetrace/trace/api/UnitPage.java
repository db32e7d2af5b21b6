package com.linetrace.trace.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of units (keyset pagination): pass {@code next} back as the cursor for the page after this one; it is
 * null on the last page. The cursor is opaque: it is valid for the same query only.
 */
public record UnitPage(List<UnitSummary> units, @Nullable String next) {

    public UnitPage {
        units = List.copyOf(units);
    }

    /** Pages hold 1 to this many units; the default is {@link #DEFAULT_SIZE}. */
    public static final int MAX_SIZE = 500;

    public static final int DEFAULT_SIZE = 50;
}
