/**
 * Nothing secret: one detector of private key material for every path into the plant (REST bodies, Kafka records,
 * the UI's forms, free text), so that a private key is refused before anything reads, stores or logs it.
 */
@NullMarked
package com.linetrace.contracts.secrets;

import org.jspecify.annotations.NullMarked;
