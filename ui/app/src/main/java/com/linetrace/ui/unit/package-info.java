/**
 * The trace view: one unit at a time as trace recorded it — where it stands, its timeline, its genealogy as a tree
 * (sub-assemblies open into their own), its operations, provisioning's verdicts, its holds — and its device history
 * record to download.
 */
@NullMarked
package com.linetrace.ui.unit;

import org.jspecify.annotations.NullMarked;
