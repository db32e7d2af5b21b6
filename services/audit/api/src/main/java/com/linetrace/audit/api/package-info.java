/**
 * What audit offers: the ledger's signed checkpoints, its entries with their inclusion proofs, consistency proofs
 * between two tree sizes, entry search and the ledger's verification of itself ({@link
 * com.linetrace.audit.api.AuditLedger}). Refusals are {@link com.linetrace.audit.api.AuditProblem}s.
 */
@NullMarked
package com.linetrace.audit.api;

import org.jspecify.annotations.NullMarked;
