/**
 * What people did, on {@code linetrace.audit-actions.v1}, keyed by the actor, for the audit ledger: a dead letter
 * replayed to its topic or discarded, each with who, when and why; trace data exported (a where-used as CSV, a unit's
 * device history record) and other data taken out (labels, bulk reads), with who, what and how much; firmware releases
 * registered, approved and revoked; master data added or changed, with before and after. Each says where it came
 * from ({@code origin}: the client's address or the station).
 */
@NullMarked
package com.linetrace.contracts.action;

import org.jspecify.annotations.NullMarked;
