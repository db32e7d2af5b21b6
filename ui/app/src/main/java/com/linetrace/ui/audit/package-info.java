/**
 * The audit view: the ledger's entries searched by serial, person, action and time, its latest signed checkpoint, a
 * verification run on request, and an entry exported with its proof.
 */
@NullMarked
package com.linetrace.ui.audit;

import org.jspecify.annotations.NullMarked;
