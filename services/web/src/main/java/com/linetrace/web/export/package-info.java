/**
 * Exports on purpose, in every process alike: the offline mode ({@code linetrace.offline.*}) that hands nothing out,
 * and the plant's export folder, the one place an export may go when it is on.
 */
@NullMarked
package com.linetrace.web.export;

import org.jspecify.annotations.NullMarked;
