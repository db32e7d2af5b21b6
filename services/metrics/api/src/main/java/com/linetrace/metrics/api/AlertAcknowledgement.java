package com.linetrace.metrics.api;

import org.jspecify.annotations.Nullable;

/** A supervisor's acknowledgement of an andon alert: what they say is being done about it (required, 2,000 at most). */
public record AlertAcknowledgement(@Nullable String comment) {}
