/**
 * Identity's api: the sign-in a UI or a station client calls to get the short-lived signed token every service
 * verifies ({@link Tokens}), its records and its problem types ({@link IdentityProblem}).
 */
@NullMarked
package com.linetrace.identity.api;

import org.jspecify.annotations.NullMarked;
