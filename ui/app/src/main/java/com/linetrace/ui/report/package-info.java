/** The shift report page: a line's shift from metrics, with its CSV and PDF documents. */
@NullMarked
package com.linetrace.ui.report;

import org.jspecify.annotations.NullMarked;
