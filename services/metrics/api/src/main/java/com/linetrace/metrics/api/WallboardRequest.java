package com.linetrace.metrics.api;

import org.jspecify.annotations.Nullable;

/** What an admin asks for: a wallboard of {@code line}, named after where it hangs ("Hall 2, by the pack-out"). */
public record WallboardRequest(
        @Nullable String line, @Nullable String name) {}
