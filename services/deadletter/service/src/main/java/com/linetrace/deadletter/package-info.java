/**
 * Dead letters a person can act on: every record of every LineTrace dead-letter topic is copied into the
 * {@code deadletter} schema with its reason, listed for quality and admins ({@link DeadLetters}, {@code /api/dead-letters}),
 * and replayed to its source topic or discarded with a reason, each recorded as an audit action.
 */
@NullMarked
package com.linetrace.deadletter;

import org.jspecify.annotations.NullMarked;
