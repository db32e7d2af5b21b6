/**
 * The plant's people: users with hashed passwords and roles in the {@code identity} schema, and the security of
 * the HTTP API (HTTP Basic, stateless, problem+json refusals, a body size limit).
 */
@NullMarked
package com.linetrace.identity;

import org.jspecify.annotations.NullMarked;
