package com.linetrace.contracts.action;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit action with what every message carries: a unique id (UUIDv7), the body's schema version, when, in which
 * plant and who. Unlike a unit's events it has no line, station or serial: a person's action need not concern one.
 * The Kafka key is the actor.
 */
public record AuditActionEvent(
        UUID eventId, int schemaVersion, Instant occurredAt, String plant, String actor, AuditAction body) {

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
    }
}
