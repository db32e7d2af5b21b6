/**
 * The device history record of one unit, as PDF and as JSON: made from the read model through {@link
 * com.linetrace.trace.api.UnitTrace} on a person's request, each one recorded on the audit topic.
 */
@NullMarked
package com.linetrace.trace.dhr;

import org.jspecify.annotations.NullMarked;
