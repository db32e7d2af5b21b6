/** The audit service: the ledger's schema and beans, for the plant in a box or for audit running alone. */
@NullMarked
package com.linetrace.audit;

import org.jspecify.annotations.NullMarked;
