package com.linetrace.deadletter.api;

import org.jspecify.annotations.Nullable;

/**
 * A replay or a discard as a person asks for it.
 *
 * @param reason why, in words: required
 */
public record DeadLetterDecision(@Nullable String reason) {}
