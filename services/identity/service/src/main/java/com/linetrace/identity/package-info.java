/**
 * The plant's people and equipment: users with hashed passwords and roles in the {@code identity} schema (read by
 * nothing else), the short-lived tokens identity signs for them ({@code POST /api/tokens}), and HTTP Basic for the
 * station clients of a process holding them.
 */
@NullMarked
package com.linetrace.identity;

import org.jspecify.annotations.NullMarked;
