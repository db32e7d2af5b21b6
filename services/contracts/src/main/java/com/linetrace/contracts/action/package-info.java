/**
 * What people did, on {@code linetrace.audit-actions.v1}, keyed by the actor, for the audit ledger: a dead letter
 * replayed to its topic or discarded, each with who, when and why; trace data exported (a where-used as CSV, a unit's
 * device history record), with who, what and when.
 */
@NullMarked
package com.linetrace.contracts.action;

import org.jspecify.annotations.NullMarked;
