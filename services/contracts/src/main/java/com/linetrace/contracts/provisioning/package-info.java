/**
 * Verdicts of firmware and key-injection verification and release revocations, on
 * {@code linetrace.provisioning-events.v1}, keyed by serial, written by provisioning through its outbox.
 */
@NullMarked
package com.linetrace.contracts.provisioning;

import org.jspecify.annotations.NullMarked;
