package com.linetrace.audit.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the ledger: a record of a LineTrace topic, who did what, when, where and why.
 *
 * @param index the entry's place in the log, from 0, in append order
 * @param topic the topic the record came from
 * @param type the event's type: what happened
 * @param actor who
 * @param station where, when the record names a station
 * @param reason why, when the record gives a reason
 * @param entry the entry's canonical bytes in base64: its leaf hash is SHA-256(0x00 || these bytes)
 * @param event the event's own bytes, as they were on the topic, in base64 (their SHA-256 is in the entry)
 */
public record AuditEntry(
        long index,
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
        String entry,
        String event) {}
