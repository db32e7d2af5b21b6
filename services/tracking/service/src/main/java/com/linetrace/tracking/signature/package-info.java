/**
 * Tracking's electronic signatures (a held unit's release, a scrap, a route version's approval): the shared
 * {@link com.linetrace.web.signature.ElectronicSignatures} bound to identity and to tracking's outbox.
 */
@NullMarked
package com.linetrace.tracking.signature;

import org.jspecify.annotations.NullMarked;
