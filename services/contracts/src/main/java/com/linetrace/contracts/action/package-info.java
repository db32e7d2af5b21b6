/**
 * What people did, on {@code linetrace.audit-actions.v1}, keyed by the actor, for the audit ledger: so far a dead
 * letter replayed to its topic or discarded, each with who, when and why.
 */
@NullMarked
package com.linetrace.contracts.action;

import org.jspecify.annotations.NullMarked;
