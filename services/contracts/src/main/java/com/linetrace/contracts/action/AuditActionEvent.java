package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An audit action with what every message carries: a unique id (UUIDv7), the body's schema version, when, in which
 * plant, who, and where from. Unlike a unit's events it has no line, station or serial: a person's action need not
 * concern one. The Kafka key is the actor.
 *
 * @param origin where the action came from: the station, or the client's address as the service saw it; null when the
 *     service acted on its own (a scheduled check)
 */
public record AuditActionEvent(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String plant,
        String actor,
        @Nullable String origin,
        AuditAction body) {

    public AuditActionEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(body, "body");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor is required");
        }
        if (origin != null) {
            Text.require("origin", origin, Text.ID);
        }
    }

    /** An action the service took on its own, from nowhere but itself. */
    public AuditActionEvent(
            UUID eventId, int schemaVersion, Instant occurredAt, String plant, String actor, AuditAction body) {
        this(eventId, schemaVersion, occurredAt, plant, actor, null, body);
    }
}
