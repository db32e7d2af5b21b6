/**
 * A line's shift report: output against plan, yield, defects, stoppages, andon alerts and holds of one shift, read
 * from the {@code metrics} schema, and its CSV and PDF documents, each handed out or written to the export folder as
 * an audited export.
 */
@NullMarked
package com.linetrace.metrics.report;

import org.jspecify.annotations.NullMarked;
