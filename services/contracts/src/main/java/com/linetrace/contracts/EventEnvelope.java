package com.linetrace.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every message on a LineTrace topic carries around its body: a unique id (UUIDv7, for deduplication),
 * the schema version of the body, when it happened, where (plant, line, station), to which unit and who did it.
 * The event type is not a field: the codec derives its stable name from the body.
 *
 * @param origin where a person's action away from a station came from: the client's address as the service saw it
 *     (a hold, a release, a scrap, a work order's release); null at a station (the station says where) and for what
 *     the plant did on its own (a rule's hold); left out of the JSON when null
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
        @Nullable String origin,
        E body) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Text.require("plant", plant, Text.ID);
        Text.require("line", line, Text.ID);
        Text.optional("station", station, Text.ID);
        Objects.requireNonNull(serial, "serial");
        Text.require("actor", actor, Text.ID);
        Text.optional("origin", origin, Text.ID);
        Objects.requireNonNull(body, "body");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }

    /** An event with no client address: at a station, or the plant's own. */
    public EventEnvelope(
            UUID eventId,
            int schemaVersion,
            Instant occurredAt,
            String plant,
            String line,
            @Nullable String station,
            Serial serial,
            String actor,
            E body) {
        this(eventId, schemaVersion, occurredAt, plant, line, station, serial, actor, null, body);
    }
}
