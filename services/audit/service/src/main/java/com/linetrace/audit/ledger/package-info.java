/**
 * The audit ledger: every record of every LineTrace topic appended once to an RFC 9162 Merkle tree log, signed
 * checkpoints of it, proofs, search, and the ledger's verification of itself.
 */
@NullMarked
package com.linetrace.audit.ledger;

import org.jspecify.annotations.NullMarked;
