package com.linetrace.contracts;

import static com.linetrace.contracts.EnvelopeFields.required;
import static com.linetrace.contracts.EnvelopeFields.text;
import static com.linetrace.contracts.EnvelopeFields.textProblem;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the events of one topic as JSON: the envelope's fields, {@code type} (a stable name that
 * never changes with Java class names) and {@code body}.
 *
 * <pre>{"eventId":"…","type":"UnitsArrived","schemaVersion":1,"occurredAt":"…","plant":"…","line":"L1",
 * "station":"ASM-10","serial":"…","actor":"op1","body":{…}}</pre>
 */
public final class EventCodec<E> {

    /**
     * The largest record any topic carries. Every field of every event is bounded ({@link Text}), so an event
     * never comes near it; a larger record is refused before it is parsed.
     */
    public static final int MAX_RECORD_BYTES = 256 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Class<? extends E>> types;
    private final Map<Class<?>, String> names;

    public EventCodec(Map<String, Class<? extends E>> types) {
        this.types = Map.copyOf(types);
        this.names =
                types.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    /** The stable type name of an event body. */
    public String typeOf(E body) {
        var name = names.get(body.getClass());
        if (name == null) {
            throw new IllegalArgumentException(
                    "No type name for " + body.getClass().getSimpleName());
        }
        return name;
    }

    public byte[] encode(EventEnvelope<? extends E> event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", event.eventId().toString());
        node.put("type", typeOf(event.body()));
        node.put("schemaVersion", event.schemaVersion());
        node.put("occurredAt", event.occurredAt().toString());
        node.put("plant", event.plant());
        node.put("line", event.line());
        if (event.station() != null) {
            node.put("station", event.station());
        }
        node.put("serial", event.serial().value());
        node.put("actor", event.actor());
        if (event.origin() != null) {
            node.put("origin", event.origin());
        }
        node.set("body", MAPPER.valueToTree(event.body()));
        return MAPPER.writeValueAsBytes(node);
    }

    /**
     * Reads an event, or throws {@link MalformedEventException} saying what is wrong (without quoting the
     * payload, which may hold anything).
     */
    public EventEnvelope<E> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("Empty record");
        }
        if (bytes.length > MAX_RECORD_BYTES) {
            throw new MalformedEventException(
                    "Record of " + bytes.length + " bytes; an event has at most " + MAX_RECORD_BYTES);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new MalformedEventException("Not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("Not a JSON object");
        }
        var typeName = text(node, "type");
        var type = types.get(typeName);
        if (type == null) {
            throw new MalformedEventException("Unknown event type '" + abbreviate(typeName) + "'");
        }
        try {
            var body = MAPPER.treeToValue(required(node, "body"), type);
            return new EventEnvelope<>(
                    java.util.UUID.fromString(text(node, "eventId")),
                    required(node, "schemaVersion").asInt(),
                    java.time.Instant.parse(text(node, "occurredAt")),
                    text(node, "plant"),
                    text(node, "line"),
                    node.hasNonNull("station") ? text(node, "station") : null,
                    Serial.parse(text(node, "serial")),
                    text(node, "actor"),
                    node.hasNonNull("origin") ? text(node, "origin") : null,
                    Objects.requireNonNull(body));
        } catch (MalformedEventException e) {
            throw e;
        } catch (MalformedSerialException e) {
            throw new MalformedEventException("Invalid serial: " + e.getMessage());
        } catch (MalformedTextException e) {
            throw new MalformedEventException("Invalid envelope of " + typeName + ": " + e.getMessage());
        } catch (JacksonException e) {
            var text = textProblem(e);
            throw new MalformedEventException(
                    "Body of " + typeName + (text != null ? ": " + text.getMessage() : " does not match its schema"));
        } catch (RuntimeException e) {
            throw new MalformedEventException(
                    "Invalid envelope of " + typeName + ": " + e.getClass().getSimpleName());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
