package com.linetrace.provisioning.api;

import com.linetrace.contracts.Serial;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The firmware flashes reported for a unit, with provisioning's verdict on each; the caller's role is checked. */
@HttpExchange("/api/units")
public interface UnitFlashes {

    /** Every flash of the unit, oldest first; empty when none was reported. */
    @GetExchange("/{serial}/flashes")
    List<FlashRecord> flashes(@PathVariable Serial serial);

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
