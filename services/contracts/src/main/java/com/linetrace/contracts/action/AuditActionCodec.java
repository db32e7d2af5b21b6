package com.linetrace.contracts.action;

import static com.linetrace.contracts.EnvelopeFields.required;
import static com.linetrace.contracts.EnvelopeFields.text;

import com.linetrace.contracts.MalformedEventException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes audit actions as JSON, in the same shape as the other topics' events without line, station and
 * serial:
 *
 * <pre>{"eventId":"…","type":"DeadLetterDiscarded","schemaVersion":1,"occurredAt":"…","plant":"CA1",
 * "actor":"quality","origin":"10.0.0.7","body":{…}}</pre>
 *
 * {@code origin} is left out when the service acted on its own.
 */
public final class AuditActionCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Class<? extends AuditAction>> types;
    private final Map<Class<?>, String> names;

    AuditActionCodec(Map<String, Class<? extends AuditAction>> types) {
        this.types = Map.copyOf(types);
        this.names =
                types.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    /** The stable type name of an action. */
    public String typeOf(AuditAction body) {
        return Objects.requireNonNull(names.get(body.getClass()), "no type name");
    }

    public byte[] encode(AuditActionEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", event.eventId().toString());
        node.put("type", typeOf(event.body()));
        node.put("schemaVersion", event.schemaVersion());
        node.put("occurredAt", event.occurredAt().toString());
        node.put("plant", event.plant());
        node.put("actor", event.actor());
        if (event.origin() != null) {
            node.put("origin", event.origin());
        }
        node.set("body", MAPPER.valueToTree(event.body()));
        return MAPPER.writeValueAsBytes(node);
    }

    /** Reads an action, or throws {@link MalformedEventException} saying what is wrong without quoting the payload. */
    public AuditActionEvent decode(byte[] bytes) {
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
            throw new MalformedEventException("Unknown action type");
        }
        try {
            return new AuditActionEvent(
                    UUID.fromString(text(node, "eventId")),
                    required(node, "schemaVersion").asInt(),
                    Instant.parse(text(node, "occurredAt")),
                    text(node, "plant"),
                    text(node, "actor"),
                    node.hasNonNull("origin") ? text(node, "origin") : null,
                    Objects.requireNonNull(MAPPER.treeToValue(required(node, "body"), type)));
        } catch (MalformedEventException e) {
            throw e;
        } catch (JacksonException e) {
            throw new MalformedEventException("Body of " + typeName + " does not match its schema");
        } catch (RuntimeException e) {
            throw new MalformedEventException(
                    "Invalid envelope of " + typeName + ": " + e.getClass().getSimpleName());
        }
    }
}
