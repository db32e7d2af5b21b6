/**
 * Provisioning: firmware releases and their approval, verification of every flash and key injection a station
 * reports, and the recall scope of a revoked release. Publishes {@code linetrace.provisioning-events.v1}.
 */
@NullMarked
package com.linetrace.provisioning;

import org.jspecify.annotations.NullMarked;
