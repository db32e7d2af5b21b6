/**
 * Electronic signatures on tracking's decisions (a held unit's release): who may sign, identity's check of the
 * re-entered password, and the signed record, or the refusal, in the ledger through tracking's outbox.
 */
@NullMarked
package com.linetrace.tracking.signature;

import org.jspecify.annotations.NullMarked;
