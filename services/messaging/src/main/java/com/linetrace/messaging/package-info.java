/**
 * How services exchange events reliably: a transactional outbox with its relay to Kafka, an inbox that makes
 * consumers idempotent, dead-letter handling for records that cannot be processed, and each service's own
 * schema migration.
 */
@NullMarked
package com.linetrace.messaging;

import org.jspecify.annotations.NullMarked;
