/** What LineTrace services share: topic names, role names, typed identifiers and the event envelope with its codec. */
@NullMarked
package com.linetrace.contracts;

import org.jspecify.annotations.NullMarked;
