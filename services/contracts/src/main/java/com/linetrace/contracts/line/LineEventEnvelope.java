package com.linetrace.contracts.line;

import com.linetrace.contracts.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every line event carries around its body: a unique id (UUIDv7, for deduplication), the body's schema version,
 * when, where (plant, line and, when one is concerned, a station) and who. Unlike a unit event's envelope it has no
 * serial: the Kafka key is the line, so a line's events keep their order.
 */
public record LineEventEnvelope(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String plant,
        String line,
        @Nullable String station,
        String actor,
        LineEvent body) {

    public LineEventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Text.require("plant", plant, Text.ID);
        Text.require("line", line, Text.ID);
        Text.optional("station", station, Text.ID);
        Text.require("actor", actor, Text.ID);
        Objects.requireNonNull(body, "body");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
