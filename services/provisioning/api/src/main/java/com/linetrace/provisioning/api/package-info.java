/**
 * What provisioning offers people who need an answer now: the firmware releases (register, approve, revoke, the
 * recall scope of a revoked one) and a unit's flashes and key injections with their verdicts. The UI calls these
 * in-process when it runs beside provisioning; nothing else in provisioning is for other modules.
 */
@NullMarked
package com.linetrace.provisioning.api;

import org.jspecify.annotations.NullMarked;
