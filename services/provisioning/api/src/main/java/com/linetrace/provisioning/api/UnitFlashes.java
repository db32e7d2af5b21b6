package com.linetrace.provisioning.api;

import com.linetrace.contracts.Serial;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The firmware flashes reported for a unit, with provisioning's verdict on each. */
public interface UnitFlashes {

    /** Every flash of the unit, oldest first; empty when none was reported. */
    List<FlashRecord> flashes(Serial serial);

    /**
     * One reported flash.
     *
     * @param verdict VERIFIED or REJECTED
     * @param reason why it was rejected
     */
    record FlashRecord(
            String module,
            String version,
            String sha256Written,
            String sha256ReadBack,
            String fixtureId,
            String verdict,
            @Nullable String rejectionCode,
            @Nullable String reason,
            @Nullable String station,
            String actor,
            Instant reportedAt) {}
}
