/**
 * Electronic signatures on a service's decisions (DD018), the one path every service takes: who may sign, identity's
 * check of the re-entered password, and the signed record, or the refusal, in the ledger through the owning
 * service's outbox.
 */
@NullMarked
package com.linetrace.web.signature;

import org.jspecify.annotations.NullMarked;
