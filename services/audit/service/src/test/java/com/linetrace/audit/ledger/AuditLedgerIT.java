package com.linetrace.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.audit.verifier.AuditVerifier;
import com.linetrace.audit.verifier.Merkle;
import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The ledger on real PostgreSQL and Kafka: records appended once, proofs an outsider's verifier accepts, and every kind
 * of tampering a database administrator can do with plain SQL found by the verification. Each tampering test pauses
 * the ledger's listener (so nothing is appended meanwhile), alters rows as one would in psql, lets the ledger verify
 * itself, then puts the rows back exactly and sees the ledger intact again.
 */
@IntegrationTest
class AuditLedgerIT {

    private static final long FAR = 1_000_000_000_000L;

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    LedgerWatch watch;

    @TempDir
    Path files;

    @AfterEach
    void listening() {
        var container = listeners.getListenerContainer("audit-ledger");
        if (container != null && !container.isRunning()) {
            container.start();
        }
    }

    @Test
    void appendsAnEventDeliveredTwiceOnce() {
        var serial = newSerial();
        var event = arrived(serial);
        var bytes = UnitEvent.CODEC.encode(event);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), bytes);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), bytes);
        var marker = arrived(serial);
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(marker));
        // Same key, same partition: once the marker is in, both copies were consumed.
        awaitEntry(marker.eventId());

        assertThat(count("select count(*) from audit.entry where event_id = :id", event.eventId()))
                .isEqualTo(1);
        var page = quality()
                .get("/api/audit/entries?serial=" + serial + "&limit=10")
                .json();
        assertThat(page.get("entries").size()).isEqualTo(2);
        var newest = page.get("entries").get(0);
        assertThat(newest.get("eventId").asString()).isEqualTo(marker.eventId().toString());
        assertThat(newest.get("actor").asString()).isEqualTo("operator");
        assertThat(newest.get("station").asString()).isEqualTo("FW-1");
        assertThat(newest.get("type").asString()).isEqualTo("UnitsArrived");
    }

    @Test
    void recordsWhoWhatWhenWhereAndWhy() {
        var serial = newSerial();
        var held = new EventEnvelope<UnitEvent>(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                "L1",
                "QA-1",
                serial,
                "quality",
                new UnitHeld("Scratched arm"));
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(held));
        var index = awaitEntry(held.eventId());

        var proof = quality().get("/api/audit/entries/" + index).json();
        var entry = new String(
                java.util.Base64.getDecoder().decode(proof.get("entry").asString()), StandardCharsets.UTF_8);
        assertThat(entry)
                .contains(
                        "\"type\":\"UnitHeld\"",
                        "\"actor\":\"quality\"",
                        "\"station\":\"QA-1\"",
                        "\"serial\":\"" + serial + "\"",
                        "\"reason\":\"Scratched arm\"",
                        "\"occurredAt\":\"");
        assertThat(proof.get("record").get("reason").asString()).isEqualTo("Scratched arm");
    }

    @Test
    void appendsTheRecordsOfATopicWithAnotherEnvelopeToo() {
        var released = new LineEventEnvelope(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                "L9",
                null,
                "supervisor",
                new WorkOrderReleased("WO-" + SEQUENCE.incrementAndGet(), "AX4-ENT", 3, null));
        TopicProbe.send(Topics.LINE_EVENTS, "L9", LineEvent.CODEC.encode(released));
        var index = awaitEntry(released.eventId());

        var entry = quality().get("/api/audit/entries/" + index).json().get("record");
        assertThat(entry.get("topic").asString()).isEqualTo(Topics.LINE_EVENTS);
        assertThat(entry.get("type").asString()).isEqualTo("WorkOrderReleased");
        assertThat(entry.get("actor").asString()).isEqualTo("supervisor");
        assertThat(entry.get("line").asString()).isEqualTo("L9");
    }

    @Test
    void servesProofsThatTheStandaloneVerifierAccepts() throws Exception {
        var first = appendSome(3);
        var older = quality().post("/api/audit/checkpoints", "{}");
        assertThat(older.status()).isEqualTo(200);
        var last = appendSome(4).getLast();
        var newer = quality().post("/api/audit/checkpoints", "{}").json();
        var olderSize = older.json().get("treeSize").asLong();
        var newerSize = newer.get("treeSize").asLong();
        assertThat(newerSize).isGreaterThan(olderSize);
        assertThat(newer.get("note").asString())
                .startsWith("linetrace/CA1/audit\n" + newerSize + "\n"
                        + newer.get("rootHash").asString() + "\n\n\u2014 ");

        var key = write(
                "key.json", ApiClient.at(port).get("/api/audit/public-key").body());
        var olderFile = write("older.json", older.body());
        var newerFile = write(
                "newer.json",
                quality().get("/api/audit/checkpoints/" + newerSize).body());
        var entry = write(
                "entry.json",
                quality()
                        .get("/api/audit/entries/" + first.getFirst() + "?treeSize=" + olderSize)
                        .body());
        var newest = write(
                "newest.json",
                quality()
                        .get("/api/audit/entries/" + last + "?treeSize=" + newerSize)
                        .body());
        var consistency = write(
                "consistency.json",
                quality()
                        .get("/api/audit/consistency?first=" + olderSize + "&second=" + newerSize)
                        .body());

        assertThat(verifier("verify-checkpoint", key, newerFile)).isZero();
        assertThat(verifier("verify-inclusion", key, olderFile, entry)).isZero();
        assertThat(verifier("verify-inclusion", key, newerFile, newest)).isZero();
        assertThat(verifier("verify-consistency", key, olderFile, newerFile, consistency))
                .isZero();
        // The proof of one tree does not pass for another, and the checkpoints in the wrong order are no proof.
        assertThat(verifier("verify-inclusion", key, newerFile, entry)).isEqualTo(1);
        assertThat(verifier("verify-consistency", key, newerFile, olderFile, consistency))
                .isEqualTo(1);
        // An entry's text changed in the file: its leaf hash is recomputed, so the proof fails.
        var forged = Files.readString(Path.of(newest)).replaceFirst("\"entry\":\"[A-Za-z0-9+/]", "\"entry\":\"A");
        assertThat(verifier("verify-inclusion", key, newerFile, write("forged.json", forged)))
                .isEqualTo(1);
        // Another key: nothing verifies.
        var other = com.linetrace.audit.verifier.NoteSigner.generate("linetrace/CA1/audit")
                .verifier()
                .verifierKey();
        assertThat(verifier("verify-checkpoint", other, newerFile)).isEqualTo(1);
    }

    @Test
    void exportsAnEntryWithItsProofAndCheckpointInOneFileTheVerifierAcceptsAndRecordsTheExport() throws Exception {
        var index = appendSome(1).getFirst();

        var exported = quality().post("/api/audit/entries/" + index + "/export", "{}");

        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        var file = write("export.json", exported.body());
        var key = write(
                "key.json", ApiClient.at(port).get("/api/audit/public-key").body());
        assertThat(verifier("verify-inclusion", key, file, file)).isZero();
        assertThat(exported.json().get("record").get("index").asLong()).isEqualTo(index);
        // The export is itself an entry: who took which entry out, proven against which tree.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from audit.entry where type = 'AuditEntryExported' and actor = 'quality'"
                                        + " and convert_from(event, 'UTF8')::jsonb -> 'body' ->> 'index' = :finding",
                                Long.toString(index))
                        == 1);
        assertProblem(quality().post("/api/audit/entries/" + FAR + "/export", "{}"), 404, "audit-entry-not-found");
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .post("/api/audit/entries/" + index + "/export", "{}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPersonsCheckpointAndVerificationAreEntriesThemselves() {
        appendSome(1);
        var signer = ApiClient.at(port).as("admin");
        var checkpoint = signer.post("/api/audit/checkpoints", "{}");
        assertThat(checkpoint.status()).as(checkpoint.body()).isIn(200, 201);
        var verification = signer.post("/api/audit/verification", "{}");
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        // Who asked the ledger to sign, and who checked it and what they were told: each a person's action.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from audit.entry where type = 'AuditCheckpointRequested' and actor = 'admin'"
                                        + " and convert_from(event, 'UTF8')::jsonb -> 'body' ->> 'treeSize' = :finding",
                                checkpoint.json().get("treeSize").asString())
                        == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from audit.entry where type = 'AuditLedgerVerified' and actor = 'admin'"
                                        + " and convert_from(event, 'UTF8')::jsonb -> 'body' ->> 'intact' = :finding",
                                verification.json().get("intact").asString())
                        == 1);
    }

    @Test
    void servesAUnitsEntriesWithProofsAgainstOneCheckpointAndFilesAPersonsActionWithItsUnit() throws Exception {
        var serial = newSerial();
        var arrived = new EventEnvelope<>(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                "L1",
                "FW-1",
                serial,
                "operator",
                new UnitsArrived(50, "Firmware", false, "FIRMWARE_FLASH"));
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(arrived));
        var export = new com.linetrace.contracts.action.AuditActionEvent(
                EventIds.next(),
                com.linetrace.contracts.action.AuditAction.SCHEMA_VERSION,
                Instant.now(),
                "CA1",
                "quality",
                new com.linetrace.contracts.action.DeviceHistoryRecordExported(
                        serial.value(), "json", "ab".repeat(32), 10));
        TopicProbe.send(
                Topics.AUDIT_ACTIONS, "quality", com.linetrace.contracts.action.AuditAction.CODEC.encode(export));
        awaitEntry(arrived.eventId());
        awaitEntry(export.eventId());

        var proofs = ApiClient.at(port).as("supervisor").get("/api/audit/units/" + serial + "/proofs");

        assertThat(proofs.status()).as(proofs.body()).isEqualTo(200);
        var entries = proofs.json().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("index").asLong())
                .as("in log order")
                .isLessThan(entries.get(1).get("index").asLong());
        // The two topics' records reach the ledger in either order (one poll may bring both).
        var unitEvent = entries.get(0).get("entry").asString().contains(Topics.UNIT_EVENTS) ? 0 : 1;
        assertThat(entries.get(unitEvent).get("entry").asString())
                .contains(arrived.eventId().toString());
        assertThat(entries.get(unitEvent).get("event").isNull())
                .as("a unit event's content is the record's")
                .isTrue();
        assertThat(entries.get(1 - unitEvent).get("event").asString()).contains("DeviceHistoryRecordExported");
        var treeSize = proofs.json().get("checkpoint").get("treeSize").asLong();
        assertThat(treeSize).isGreaterThan(entries.get(1).get("index").asLong());
        assertThat(count("select count(*) from audit.checkpoint where tree_size = :size", treeSize))
                .isEqualTo(1);
        // One batch proof for both entries, against the checkpoint's signed root.
        var indexes = new long[] {
            entries.get(0).get("index").asLong(), entries.get(1).get("index").asLong()
        };
        var leaves = new ArrayList<byte[]>();
        entries.forEach(entry ->
                leaves.add(Merkle.leafHash(entry.get("entry").asString().getBytes(StandardCharsets.UTF_8))));
        var proof = new ArrayList<byte[]>();
        proofs.json()
                .get("proof")
                .forEach(hash -> proof.add(java.util.Base64.getDecoder().decode(hash.asString())));
        var root = java.util.Base64.getDecoder()
                .decode(proofs.json().get("checkpoint").get("rootHash").asString());
        assertThat(Merkle.verifyBatchInclusion(indexes, leaves, treeSize, proof, root))
                .isTrue();
        assertThat(entries.get(0).has("inclusionProof")).isFalse();
        assertProblem(quality().get("/api/audit/units/NOT-A-SERIAL/proofs"), 400, "invalid-audit-search");
        assertThat(ApiClient.at(port)
                        .as("operator")
                        .get("/api/audit/units/" + serial + "/proofs")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesUnknownEntriesAndSizesOutOfRangeWithClearProblems() {
        var index = appendSome(1).getFirst();
        var size = quality()
                .post("/api/audit/checkpoints", "{}")
                .json()
                .get("treeSize")
                .asLong();

        assertProblem(quality().get("/api/audit/entries/" + (size + 1000)), 404, "audit-entry-not-found");
        assertProblem(quality().get("/api/audit/entries/-1"), 404, "audit-entry-not-found");
        assertProblem(
                quality().get("/api/audit/entries/" + index + "?treeSize=" + index),
                400,
                "audit-tree-size-out-of-range");
        assertProblem(
                quality().get("/api/audit/entries/" + index + "?treeSize=" + (size + 1000)),
                400,
                "audit-tree-size-out-of-range");
        assertProblem(
                quality().get("/api/audit/consistency?first=0&second=" + size), 400, "audit-tree-size-out-of-range");
        assertProblem(quality().get("/api/audit/consistency?first=2&second=1"), 400, "audit-tree-size-out-of-range");
        assertProblem(
                quality().get("/api/audit/consistency?first=1&second=" + (size + 1000)),
                400,
                "audit-tree-size-out-of-range");
        assertProblem(quality().get("/api/audit/checkpoints/" + (size + 1000)), 404, "audit-checkpoint-not-found");
        assertProblem(quality().get("/api/audit/entries?limit=0"), 400, "invalid-audit-search");
        assertProblem(
                quality().get("/api/audit/entries?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"),
                400,
                "invalid-audit-search");

        assertThat(ApiClient.at(port)
                        .as("operator")
                        .get("/api/audit/entries/" + index)
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.at(port)
                        .as("operator")
                        .get("/api/audit/checkpoints/latest")
                        .status())
                .isEqualTo(200);
        assertThat(ApiClient.at(port).get("/api/audit/checkpoints/latest").status())
                .isEqualTo(401);
        assertThat(count("select count(*) from audit.entry where idx > :size", size))
                .isZero();
    }

    @Test
    void findsAnEntryAlteredInItsRow() {
        var index = checkpointed();
        tampered(
                List.of("update audit.entry set actor = 'someone-else' where idx = " + index),
                List.of("update audit.entry set actor = 'operator' where idx = " + index),
                "Entry " + index + " does not match its row");
    }

    @Test
    void findsAnEntryRewrittenWithItsHashes() {
        var index = checkpointed();
        var row = repository().entry(index).orElseThrow();
        var forged = new LedgerEntry(
                row.fields().eventId(),
                row.fields().topic(),
                row.fields().type(),
                row.fields().occurredAt(),
                row.fields().appendedAt(),
                "someone-else",
                row.fields().plant(),
                row.fields().line(),
                row.fields().station(),
                row.fields().serial(),
                row.fields().reason(),
                row.fields().event());
        tampered(
                () -> rewrite(index, forged.canonical(), "someone-else"),
                () -> rewrite(index, row.entry(), row.fields().actor()),
                "no longer give the root their signed checkpoint holds");
    }

    @Test
    void findsAnEntryDeleted() {
        var index = checkpointed() - 1;
        tampered(
                List.of(
                        "create table audit.kept as select * from audit.entry where idx = " + index,
                        "delete from audit.entry where idx = " + index),
                List.of("insert into audit.entry select * from audit.kept", "drop table audit.kept"),
                "Entry " + index + " is missing");
    }

    @Test
    void findsEntriesReordered() {
        var index = checkpointed();
        var swap = List.of(
                "update audit.entry set idx = " + FAR + " where idx = " + (index - 1),
                "update audit.entry set idx = " + (index - 1) + " where idx = " + index,
                "update audit.entry set idx = " + index + " where idx = " + FAR);
        tampered(swap, swap, "no longer give the root their signed checkpoint holds");
    }

    @Test
    void findsAnEntryInserted() {
        var index = checkpointed();
        var row = repository().entry(index).orElseThrow().fields();
        // A well-made forgery: a row whose entry and leaf hash are consistent with its columns.
        var forged = new LedgerEntry(
                UUID.randomUUID(),
                row.topic(),
                row.type(),
                row.occurredAt(),
                row.appendedAt(),
                "someone-else",
                row.plant(),
                row.line(),
                row.station(),
                row.serial(),
                "made up",
                row.event());
        tampered(
                () -> {
                    shift(index, +1);
                    jdbc.sql("""
                                    insert into audit.entry (idx, event_id, topic, type, occurred_at, appended_at,
                                        actor, plant, line, station, serial, reason, event, entry, leaf_hash)
                                    select :idx, :id, topic, type, occurred_at, appended_at, 'someone-else', plant,
                                        line, station, serial, 'made up', event, :entry, :leaf
                                    from audit.entry where idx = :idx + 1""")
                            .param("idx", index)
                            .param("id", forged.eventId())
                            .param("entry", forged.canonical())
                            .param("leaf", Merkle.leafHash(forged.canonical()))
                            .update();
                },
                () -> {
                    jdbc.sql("delete from audit.entry where idx = :idx")
                            .param("idx", index)
                            .update();
                    shift(index + 1, -1);
                },
                "no longer give the root their signed checkpoint holds");
    }

    /** Appends a few entries, signs a checkpoint over them, and returns an index in the middle of the log. */
    private long checkpointed() {
        var index = appendSome(2).getLast();
        var verification = quality().post("/api/audit/verification", "{}").json();
        assertThat(verification.get("intact").asBoolean())
                .as("intact before: %s", verification)
                .isTrue();
        quality().post("/api/audit/checkpoints", "{}");
        return index;
    }

    private void tampered(List<String> tamper, List<String> restore, String finding) {
        tampered(() -> tamper.forEach(this::asDba), () -> restore.forEach(this::asDba), finding);
    }

    /**
     * Tampers with the ledger's rows as a database administrator would in psql: the append-only triggers disabled
     * first (their owner can), then plain SQL; the verification and the alarm must catch it.
     */
    private void tampered(Runnable tamper, Runnable restore, String finding) {
        var listener = listeners.getListenerContainer("audit-ledger");
        listener.stop();
        asDba("alter table audit.entry disable trigger user");
        try {
            tamper.run();
            var verification = quality().post("/api/audit/verification", "{}").json();
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.get("problem").asString()).contains(finding);
            var health = ApiClient.at(port).get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(watch.health().getStatus()).isEqualTo(Status.DOWN);
            assertProblem(quality().post("/api/audit/checkpoints", "{}"), 503, "audit-ledger-broken");
        } finally {
            restore.run();
            asDba("alter table audit.entry enable trigger user");
            listener.start();
        }
        var after = quality().post("/api/audit/verification", "{}").json();
        assertThat(after.get("intact").asBoolean())
                .as("intact after the rows were put back: %s", after)
                .isTrue();
        // The alarm went out as an audit action, and the ledger recorded it like any other.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from audit.entry where type = 'AuditLedgerBroken' and"
                                        + " convert_from(event, 'UTF8') like :finding",
                                "%" + finding + "%")
                        > 0);
    }

    private void rewrite(long index, byte[] entry, String actor) {
        jdbc.sql("update audit.entry set actor = :actor, entry = :entry, leaf_hash = :leaf where idx = :idx")
                .param("actor", actor)
                .param("entry", entry)
                .param("leaf", Merkle.leafHash(entry))
                .param("idx", index)
                .update();
    }

    /** Moves entries from {@code from} on by {@code by}, through far-away indexes so no two rows meet. */
    private void shift(long from, int by) {
        jdbc.sql("update audit.entry set idx = idx + :far where idx >= :from")
                .param("far", FAR)
                .param("from", from)
                .update();
        jdbc.sql("update audit.entry set idx = idx - :far + :by where idx >= :far")
                .param("far", FAR)
                .param("by", by)
                .update();
    }

    private void asDba(String sql) {
        jdbc.sql(sql).update();
    }

    private LedgerRepository repository() {
        return new LedgerRepository(jdbc);
    }

    private List<Long> appendSome(int count) {
        var indexes = new ArrayList<Long>();
        for (var i = 0; i < count; i++) {
            var event = arrived(newSerial());
            TopicProbe.send(Topics.UNIT_EVENTS, event.serial().value(), UnitEvent.CODEC.encode(event));
            indexes.add(awaitEntry(event.eventId()));
        }
        return indexes;
    }

    private long awaitEntry(UUID eventId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from audit.entry where event_id = :id", eventId) == 1);
        return jdbc.sql("select idx from audit.entry where event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    private long count(String sql, Object parameter) {
        var name = sql.contains(":id") ? "id" : sql.contains(":size") ? "size" : "finding";
        return jdbc.sql(sql).param(name, parameter).query(Long.class).single();
    }

    private int verifier(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var status = new AuditVerifier(new PrintStream(out), new PrintStream(err)).run(args);
        if (status != 0) {
            System.out.println("verifier " + args[0] + ": " + err);
        }
        return status;
    }

    private String write(String name, String content) throws Exception {
        var file = files.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    private ApiClient quality() {
        return ApiClient.at(port).as("quality");
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("urn:linetrace:problem:" + code);
    }

    private static Serial newSerial() {
        return Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
    }

    private static EventEnvelope<UnitEvent> arrived(Serial serial) {
        return new EventEnvelope<>(
                EventIds.next(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "CA1",
                "L1",
                "FW-1",
                serial,
                "operator",
                new UnitsArrived(50, "Firmware", false, "FIRMWARE_FLASH"));
    }
}
