package com.linetrace.audit.api;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a unit's ledger, in a form a person can read: the entry's canonical bytes as text (UTF-8, as the leaf
 * hash covers them, with the final line feed), so that a verifier recomputes the leaf hash from exactly what is shown.
 * Its proof is the one {@link UnitProofs#proof} of all the unit's entries.
 *
 * @param index the entry's place in the log
 * @param entry the canonical entry (a JSON object on one line, then a line feed): SHA-256(0x00 || its UTF-8 bytes) is
 *     the leaf hash
 * @param event the event's own JSON, for a person's action (signatures, exports) so that what it says can be read
 *     and checked against the entry's {@code eventSha256}; null for the unit's other events, whose content the
 *     record's other sections show
 */
public record ProvenEntry(
        long index, String entry, @Nullable String event) {}
