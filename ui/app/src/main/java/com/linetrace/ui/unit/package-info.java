/** One unit at a time: its history as trace recorded it, and its firmware and identity key as provisioning verified them. */
@NullMarked
package com.linetrace.ui.unit;

import org.jspecify.annotations.NullMarked;
