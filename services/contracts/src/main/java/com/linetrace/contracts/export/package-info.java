/**
 * Data leaving the plant on purpose: what a service answers when a person has an export written to the plant's
 * export folder instead of handed out, and the refusals of an export (the offline mode), shared by every service's
 * api and the UI.
 */
@NullMarked
package com.linetrace.contracts.export;

import org.jspecify.annotations.NullMarked;
