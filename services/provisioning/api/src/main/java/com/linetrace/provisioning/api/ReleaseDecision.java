package com.linetrace.provisioning.api;

import org.jspecify.annotations.Nullable;

/**
 * An approval or a revocation as quality submits it.
 *
 * @param reason why, in words: required, at most 500 characters
 */
public record ReleaseDecision(@Nullable String reason) {}
