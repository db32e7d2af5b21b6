package com.linetrace.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code verify-dhr} on records made here, without the plant: a log of entries of two units, a checkpoint signed with
 * a key of this test, and the one unit's entries with their proofs, as trace puts them in a device history record.
 */
class VerifyDeviceHistoryRecordTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNIT = "LTRCA000000015";
    private static final String OTHER = "LTRCA000000024";

    @TempDir
    Path files;

    private final NoteSigner signer = NoteSigner.generate("linetrace/TEST/audit");
    private final List<String> entries = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private void append(String serial, String type, String event) throws Exception {
        var sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(event.getBytes(StandardCharsets.UTF_8)));
        entries.add("{\"v\":1,\"topic\":\"t\",\"type\":\"" + type + "\",\"eventId\":\"e" + entries.size()
                + "\",\"serial\":\"" + serial + "\",\"eventSha256\":\"" + sha + "\"}\n");
        events.add(event);
    }

    private static final String SIGNATURE =
            "{\"eventId\":\"e3\",\"type\":\"ElectronicSignature\",\"actor\":\"quality\","
                    + "\"body\":{\"action\":\"UNIT_RELEASE\",\"printedName\":\"quality\",\"meaning\":\"APPROVED\","
                    + "\"signedAt\":\"2026-12-01T10:00:00.100Z\"}}";

    /**
     * The record of {@link #UNIT}: entries 0, 2 and 3 of a log of four, the last its release's signature, with one
     * batch proof of the three.
     */
    private ObjectNode record() throws Exception {
        return record(false);
    }

    /** The record as it was issued before the batch proof: an inclusion proof with each entry. */
    private ObjectNode recordWithAProofPerEntry() throws Exception {
        return record(true);
    }

    private ObjectNode record(boolean proofPerEntry) throws Exception {
        append(UNIT, "UnitsArrived", "{\"a\":1}");
        append(OTHER, "UnitsArrived", "{\"a\":2}");
        append(UNIT, "UnitHeld", "{\"a\":3}");
        append(UNIT, "ElectronicSignature", SIGNATURE);
        var leaves = entries.stream()
                .map(e -> Merkle.leafHash(e.getBytes(StandardCharsets.UTF_8)))
                .toList();
        var tree = Merkle.over(leaves);
        var size = leaves.size();
        var note = new Checkpoint("linetrace/TEST/audit", size, Merkle.root(tree, size)).sign(signer);
        var record = JSON.createObjectNode();
        record.putObject("unit").put("serial", UNIT);
        var signature = record.putArray("signatures").addObject();
        signature.put("eventId", "e3");
        signature.put("action", "UNIT_RELEASE");
        signature.put("printedName", "quality");
        signature.put("meaning", "APPROVED");
        signature.put("signedAt", "2026-12-01T10:00:00.1Z");
        var ledger = record.putObject("ledger");
        ledger.put("serial", UNIT);
        ledger.putObject("checkpoint").put("note", note);
        var proven = ledger.putArray("entries");
        for (var index : List.of(0, 2, 3)) {
            var entry = proven.addObject();
            entry.put("index", index);
            entry.put("entry", entries.get(index));
            entry.put("event", index == 3 ? events.get(index) : null);
            if (proofPerEntry) {
                var proof = entry.putArray("inclusionProof");
                Merkle.inclusionProof(tree, index, size)
                        .forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
            }
        }
        if (!proofPerEntry) {
            var proof = ledger.putArray("proof");
            Merkle.batchInclusionProof(tree, new long[] {0, 2, 3}, size)
                    .forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
        }
        return record;
    }

    private String verify(ObjectNode record) throws Exception {
        var file = Files.writeString(files.resolve("dhr.json"), JSON.writeValueAsString(record));
        var out = new ByteArrayOutputStream();
        var status = new AuditVerifier(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("verify-dhr", signer.verifier().verifierKey(), file.toString());
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAUnitsEntriesAndSignatureProvenAgainstTheSignedCheckpoint() throws Exception {
        assertThat(verify(record()))
                .startsWith("0 OK 3 entries of unit " + UNIT + " are in the log linetrace/TEST/audit at size 4")
                .contains("with 1 signatures");
    }

    @Test
    void acceptsARecordIssuedWithAProofPerEntry() throws Exception {
        assertThat(verify(recordWithAProofPerEntry()))
                .startsWith("0 OK 3 entries of unit " + UNIT + " are in the log linetrace/TEST/audit at size 4");
    }

    @Test
    void refusesAnEntryWithOneCharacterAltered() throws Exception {
        var record = record();
        var entry = (ObjectNode) record.get("ledger").get("entries").get(1);
        entry.put("entry", entry.get("entry").asString().replace("UnitHeld", "UnitHelD"));
        assertThat(verify(record)).startsWith("1 FAILED The record's 3 entries are not all included");

        var old = recordWithAProofPerEntry();
        var oldEntry = (ObjectNode) old.get("ledger").get("entries").get(1);
        oldEntry.put("entry", oldEntry.get("entry").asString().replace("UnitHeld", "UnitHelD"));
        assertThat(verify(old)).startsWith("1 FAILED Entry 2 is not included");
    }

    @Test
    void refusesAnEntryLeftOutOrShownAtAnotherPlace() throws Exception {
        var record = record();
        ((tools.jackson.databind.node.ArrayNode) record.get("ledger").get("entries")).remove(1);
        assertThat(verify(record)).startsWith("1 FAILED The record's 2 entries are not all included");

        var moved = record();
        ((ObjectNode) moved.get("ledger").get("entries").get(1)).put("index", 1);
        assertThat(verify(moved)).startsWith("1 FAILED The record's 3 entries are not all included");

        var empty = record();
        ((tools.jackson.databind.node.ArrayNode) empty.get("ledger").get("entries")).removeAll();
        assertThat(verify(empty)).startsWith("1 FAILED The record of " + UNIT + " carries no entry");
    }

    @Test
    void refusesAnotherUnitsEntryEvenWithItsValidProof() throws Exception {
        var record = record();
        var tree = Merkle.over(entries.stream()
                .map(e -> Merkle.leafHash(e.getBytes(StandardCharsets.UTF_8)))
                .toList());
        var other =
                ((tools.jackson.databind.node.ArrayNode) record.get("ledger").get("entries")).addObject();
        other.put("index", 1);
        other.put("entry", entries.get(1));
        var proof = other.putArray("inclusionProof");
        Merkle.inclusionProof(tree, 1, 4)
                .forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));

        assertThat(verify(record)).startsWith("1 FAILED Entry 1 is not of unit " + UNIT);
    }

    @Test
    void refusesAnEventOrASignatureShownOtherwiseThanRecorded() throws Exception {
        var record = record();
        var entry = (ObjectNode) record.get("ledger").get("entries").get(2);
        entry.put("event", SIGNATURE.replace("APPROVED", "REVIEWED"));
        assertThat(verify(record)).startsWith("1 FAILED The event shown with entry 3");

        var shown = record();
        ((ObjectNode) shown.get("signatures").get(0)).put("printedName", "someone else");
        assertThat(verify(shown)).startsWith("1 FAILED").contains("another printedName");
    }

    @Test
    void refusesARecordWithoutProofsOrSignedByAnotherKey() throws Exception {
        var record = record();
        record.putNull("ledger");
        assertThat(verify(record)).startsWith("1 FAILED").contains("carries no proof");

        var signed = record();
        var stranger = NoteSigner.generate("linetrace/TEST/audit");
        var file = Files.writeString(files.resolve("dhr.json"), JSON.writeValueAsString(signed));
        var status = new AuditVerifier(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))
                .run("verify-dhr", stranger.verifier().verifierKey(), file.toString());
        assertThat(status).isEqualTo(1);
    }
}
