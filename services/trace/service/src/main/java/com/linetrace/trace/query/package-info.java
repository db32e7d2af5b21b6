/**
 * Trace's answers from its read model: one unit (status, genealogy, operations, holds, provisioning), where-used of a
 * lot, part serial, release or key (pages and CSV), and search; every list a keyset page, never a whole result.
 */
@NullMarked
package com.linetrace.trace.query;

import org.jspecify.annotations.NullMarked;
