/**
 * What station equipment reports on {@code linetrace.equipment-results.v1}, keyed by serial: flash fixtures
 * and key-injection stations (testers will follow).
 */
@NullMarked
package com.linetrace.contracts.equipment;

import org.jspecify.annotations.NullMarked;
