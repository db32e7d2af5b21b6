package com.linetrace.audit.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's check of itself: every entry recomputed from its row, every checkpoint's root recomputed from the
 * entries and its signature checked.
 *
 * @param intact true when nothing was found altered, removed, reordered or inserted
 * @param entries how many entries were read
 * @param checkpoints how many checkpoints were compared
 * @param problem what was found, in plain words, when not intact
 */
public record LedgerVerification(
        boolean intact,
        long entries,
        long checkpoints,
        @Nullable String problem,
        Instant checkedAt) {}
