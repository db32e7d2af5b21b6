/**
 * Equipment results in: the Kafka listener of {@code linetrace.equipment-results.v1} and the REST adapters for
 * simple fixtures and stations, both refusing private key material first and then taking the same path to
 * flash and key-injection verification.
 */
@NullMarked
package com.linetrace.provisioning.equipment;

import org.jspecify.annotations.NullMarked;
