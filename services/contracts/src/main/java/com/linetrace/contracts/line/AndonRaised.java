package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.UUID;

/**
 * An andon alert was raised on the envelope's line (and station, for a stall) by metrics' andon. It stays until its
 * cause clears ({@link AndonCleared}); a supervisor acknowledges it meanwhile ({@link AndonAcknowledged}).
 *
 * @param alertId the alert's id, named by its acknowledgement and its clearing
 * @param subject what the rule is about, one alert open per line, rule and subject: the station, the lot
 *     ({@code part/lot}), the release id, the dead-letter topic, or the line
 * @param message what happened, in plain words for the floor
 */
public record AndonRaised(UUID alertId, AndonRule rule, String subject, String message) implements LineEvent {

    public AndonRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Text.require("subject", subject, Text.NAME);
        Text.require("message", message, Text.REASON);
    }
}
