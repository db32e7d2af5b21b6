package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.UUID;

/** An andon alert's cause is gone (the station works again, the lot's quarantine lifted…), so the alert is cleared. */
public record AndonCleared(UUID alertId, String reason) implements LineEvent {

    public AndonCleared {
        Objects.requireNonNull(alertId, "alertId");
        Text.require("reason", reason, Text.REASON);
    }
}
