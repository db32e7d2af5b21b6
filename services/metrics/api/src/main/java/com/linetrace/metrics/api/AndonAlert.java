package com.linetrace.metrics.api;

import com.linetrace.contracts.line.AndonRule;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An andon alert of a line: raised by a rule of metrics' andon, acknowledged by a supervisor with a comment, cleared
 * when its cause is gone (each step is also a line event).
 *
 * @param station the station it concerns, for a stall
 * @param subject what the rule is about: the station, the lot ({@code part/lot}), the release, the dead-letter topic
 *     or the line
 * @param message what happened, in plain words
 */
public record AndonAlert(
        UUID id,
        String line,
        @Nullable String station,
        AndonRule rule,
        String subject,
        String message,
        Instant raisedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable String comment,
        @Nullable Instant clearedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public boolean cleared() {
        return clearedAt != null;
    }
}
