package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.UUID;

/** A supervisor (the envelope's actor) acknowledged an andon alert with a comment: someone is on it. */
public record AndonAcknowledged(UUID alertId, String comment) implements LineEvent {

    public AndonAcknowledged {
        Objects.requireNonNull(alertId, "alertId");
        Text.require("comment", comment, Text.REASON);
        if (comment.isBlank()) {
            throw new IllegalArgumentException("comment is required");
        }
    }
}
