/**
 * What provisioning offers people who need an answer now: the firmware releases (register, approve, revoke, the
 * recall scope of a revoked one) and a unit's flashes and key injections with their verdicts. The same interfaces
 * are served over HTTP by provisioning's controllers, called in-process by the UI when it runs beside provisioning, and
 * called through HTTP interface clients when it runs apart; refusals are {@link ProvisioningProblem}s either way.
 */
@NullMarked
package com.linetrace.provisioning.api;

import org.jspecify.annotations.NullMarked;
