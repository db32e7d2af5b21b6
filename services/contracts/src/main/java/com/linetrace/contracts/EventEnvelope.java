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
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(body, "body");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
