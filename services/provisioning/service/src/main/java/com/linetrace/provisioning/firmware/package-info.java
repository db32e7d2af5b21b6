/**
 * Firmware: releases (registered with a signed manifest, approved and revoked by quality) and the verification
 * of every flash against them; a revocation names the units that carry the release.
 */
@NullMarked
package com.linetrace.provisioning.firmware;

import org.jspecify.annotations.NullMarked;
