package com.linetrace.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every message on a LineTrace topic carries around its body: a unique id (UUIDv7, for deduplication),
 * the schema version of the body, when it happened, where (plant, line, station), to which unit and who did it.
 * The event type is not a field: the codec derives its stable name from the body.
 */
public record EventEnvelope<E>(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String plant,
        String line,
        @Nullable String station,
        Serial serial,
        String actor,
        E body) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Text.require("plant", plant, Text.ID);
        Text.require("line", line, Text.ID);
        Text.optional("station", station, Text.ID);
        Objects.requireNonNull(serial, "serial");
        Text.require("actor", actor, Text.ID);
        Objects.requireNonNull(body, "body");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
