package com.linetrace.audit.ledger;

import com.linetrace.contracts.EventCodec;
import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the ledger needs from a record of any LineTrace topic. Every topic's events share the envelope
 * ({@code eventId}, {@code type}, {@code occurredAt}, {@code actor}, and where they have them {@code plant},
 * {@code line}, {@code station}, {@code serial}); the ledger reads the envelope, not each topic's body, so a new
 * topic needs no code here and an event type the ledger does not know is still recorded as it was.
 */
final class LedgerRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerRecords() {}

    /**
     * The entry of a record; its times to the microsecond, as PostgreSQL keeps them, so the entry can be recomputed
     * from its row.
     *
     * @throws MalformedEventException when the record is not an event (it goes to the dead-letter topic)
     */
    static LedgerEntry entry(String topic, byte[] value, Instant appendedAt) {
        if (value == null || value.length == 0 || value.length > EventCodec.MAX_RECORD_BYTES) {
            throw new MalformedEventException("Not an event: empty or larger than " + EventCodec.MAX_RECORD_BYTES);
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedEventException("Not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("Not a JSON object");
        }
        UUID eventId;
        Instant occurredAt;
        try {
            eventId = UUID.fromString(required(node, "eventId", Text.ID));
            occurredAt = Instant.parse(required(node, "occurredAt", Text.ID));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("Invalid eventId or occurredAt");
        }
        var body = node.get("body");
        return new LedgerEntry(
                eventId,
                topic,
                required(node, "type", Text.ID),
                occurredAt.truncatedTo(ChronoUnit.MICROS),
                appendedAt.truncatedTo(ChronoUnit.MICROS),
                required(node, "actor", Text.ID),
                optional(node, "plant", Text.ID),
                optional(node, "line", Text.ID),
                optional(node, "station", Text.ID),
                serial(node, body),
                body == null ? null : optional(body, "reason", Text.REASON),
                value);
    }

    /**
     * The envelope's serial, or for a person's action (whose envelope has none) the serial its body names: a
     * signature or an export of one unit is then found with the unit's other entries. A body's field that is not a
     * serial's text is not one, and leaves the entry without.
     */
    private static @Nullable String serial(JsonNode node, @Nullable JsonNode body) {
        var serial = optional(node, "serial", Text.ID);
        if (serial != null || body == null || !body.isObject()) {
            return serial;
        }
        var named = body.get("serial");
        if (named == null || !named.isString() || Text.problemWith(named.asString(), Text.ID) != null) {
            return null;
        }
        return named.asString();
    }

    private static String required(JsonNode node, String field, int maxLength) {
        var value = optional(node, field, maxLength);
        if (value == null) {
            throw new MalformedEventException("Missing field '" + field + "'");
        }
        return value;
    }

    private static @Nullable String optional(JsonNode node, String field, int maxLength) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedEventException("Field '" + field + "' is not text");
        }
        var problem = Text.problemWith(value.asString(), maxLength);
        if (problem != null) {
            throw new MalformedEventException("Field '" + field + "' " + problem);
        }
        return value.asString();
    }
}
