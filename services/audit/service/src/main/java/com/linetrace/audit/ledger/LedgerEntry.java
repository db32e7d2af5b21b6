package com.linetrace.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of the ledger: who ({@code actor}), what ({@code topic}, {@code type}), when ({@code occurredAt}), where
 * ({@code plant}, {@code line}, {@code station}) and why ({@code reason}), with the event's bytes as they were on the
 * topic. {@link #canonical()} is what the leaf hash covers; it is made from these fields alone, so the verification
 * can recompute it from a row and see any edit.
 */
record LedgerEntry(
        UUID eventId,
        String topic,
        String type,
        Instant occurredAt,
        Instant appendedAt,
        String actor,
        @Nullable String plant,
        @Nullable String line,
        @Nullable String station,
        @Nullable String serial,
        @Nullable String reason,
        byte[] event) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The entry's canonical bytes: a JSON object with its fields in this fixed order, absent ones left out, and the
     * event's SHA-256 in hex rather than the event itself (its bytes are kept beside, so the entry stays small).
     */
    byte[] canonical() {
        var node = JSON.createObjectNode();
        node.put("v", 1);
        node.put("topic", topic);
        node.put("eventId", eventId.toString());
        node.put("type", type);
        node.put("occurredAt", occurredAt.toString());
        node.put("appendedAt", appendedAt.toString());
        node.put("actor", actor);
        optional(node, "plant", plant);
        optional(node, "line", line);
        optional(node, "station", station);
        optional(node, "serial", serial);
        optional(node, "reason", reason);
        node.put("eventSha256", HexFormat.of().formatHex(sha256(event)));
        return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static void optional(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
