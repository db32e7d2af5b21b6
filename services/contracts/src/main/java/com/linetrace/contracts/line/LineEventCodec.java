package com.linetrace.contracts.line;

import static com.linetrace.contracts.EnvelopeFields.required;
import static com.linetrace.contracts.EnvelopeFields.text;
import static com.linetrace.contracts.EnvelopeFields.textProblem;

import com.linetrace.contracts.EventCodec;
import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.MalformedTextException;
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
 * Reads and writes line events as JSON, in the shape of the unit events without a serial:
 *
 * <pre>{"eventId":"…","type":"WorkOrderReleased","schemaVersion":1,"occurredAt":"…","plant":"CA1","line":"L1",
 * "actor":"supervisor","body":{…}}</pre>
 */
public final class LineEventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Class<? extends LineEvent>> types;
    private final Map<Class<?>, String> names;

    LineEventCodec(Map<String, Class<? extends LineEvent>> types) {
        this.types = Map.copyOf(types);
        this.names =
                types.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    /** The stable type name of a line event. */
    public String typeOf(LineEvent body) {
        return Objects.requireNonNull(names.get(body.getClass()), "no type name");
    }

    public byte[] encode(LineEventEnvelope event) {
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
        node.put("actor", event.actor());
        node.set("body", MAPPER.valueToTree(event.body()));
        return MAPPER.writeValueAsBytes(node);
    }

    /** Reads a line event, or throws {@link MalformedEventException} saying what is wrong without quoting it. */
    public LineEventEnvelope decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("Empty record");
        }
        if (bytes.length > EventCodec.MAX_RECORD_BYTES) {
            throw new MalformedEventException(
                    "Record of " + bytes.length + " bytes; an event has at most " + EventCodec.MAX_RECORD_BYTES);
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
            throw new MalformedEventException("Unknown event type '"
                    + (typeName.length() <= 40 ? typeName : typeName.substring(0, 40) + "…") + "'");
        }
        try {
            return new LineEventEnvelope(
                    UUID.fromString(text(node, "eventId")),
                    required(node, "schemaVersion").asInt(),
                    Instant.parse(text(node, "occurredAt")),
                    text(node, "plant"),
                    text(node, "line"),
                    node.hasNonNull("station") ? text(node, "station") : null,
                    text(node, "actor"),
                    Objects.requireNonNull(MAPPER.treeToValue(required(node, "body"), type)));
        } catch (MalformedEventException e) {
            throw e;
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
}
