package com.linetrace.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log checked by someone who trusts neither the plant's database nor its staff: given the log's public key
 * and files saved from the audit API (or handed over by the plant), it checks a checkpoint's signature, an entry's
 * inclusion under a checkpoint, and that an older checkpoint is a prefix of a newer one. No database, no network.
 *
 * <pre>
 * java -jar linetrace-audit-verifier-*-cli.jar verify-checkpoint  KEY checkpoint.json
 * java -jar linetrace-audit-verifier-*-cli.jar verify-inclusion   KEY checkpoint.json entry.json
 * java -jar linetrace-audit-verifier-*-cli.jar verify-consistency KEY old-checkpoint.json new-checkpoint.json consistency.json
 * java -jar linetrace-audit-verifier-*-cli.jar verify-dhr         KEY dhr-SERIAL.json
 * java -jar linetrace-audit-verifier-*-cli.jar generate-key NAME
 * </pre>
 *
 * KEY is the verifier key ({@code <name>+<key id>+<key>}) or a file holding it (the text, or the JSON of {@code GET
 * /api/audit/public-key}); a checkpoint file holds the signed note or the JSON of {@code GET /api/audit/checkpoints/…}.
 * Exit status 0: verified; 1: it does not verify; 2: the input cannot be read.
 */
public final class AuditVerifier {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int UNREADABLE = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;

    /** A verifier writing its findings to {@code out} and its refusals to {@code err}. */
    public AuditVerifier(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new AuditVerifier(System.out, System.err).run(args));
    }

    /** Runs one command; the exit status. */
    public int run(String... args) {
        if (args.length == 0) {
            return usage();
        }
        try {
            return switch (args[0]) {
                case "verify-checkpoint" -> args.length == 3 ? verifyCheckpoint(args[1], args[2]) : usage();
                case "verify-inclusion" -> args.length == 4 ? verifyInclusion(args[1], args[2], args[3]) : usage();
                case "verify-consistency" ->
                    args.length == 5 ? verifyConsistency(args[1], args[2], args[3], args[4]) : usage();
                case "verify-dhr" -> args.length == 3 ? verifyDeviceHistoryRecord(args[1], args[2]) : usage();
                case "generate-key" -> args.length == 2 ? generateKey(args[1]) : usage();
                default -> usage();
            };
        } catch (Unreadable e) {
            err.println("UNREADABLE " + e.getMessage());
            return UNREADABLE;
        } catch (IllegalArgumentException e) {
            err.println("FAILED " + e.getMessage());
            return FAILED;
        }
    }

    private int verifyCheckpoint(String key, String checkpointFile) {
        var checkpoint = checkpoint(verifier(key), checkpointFile);
        out.println("OK checkpoint of " + checkpoint.origin() + " at size " + checkpoint.size() + " root "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        return VERIFIED;
    }

    private int verifyInclusion(String key, String checkpointFile, String entryFile) {
        var checkpoint = checkpoint(verifier(key), checkpointFile);
        var json = json(entryFile);
        var index = number(json, "index");
        var treeSize = number(json, "treeSize");
        if (treeSize != checkpoint.size()) {
            throw new IllegalArgumentException("The proof is against a tree of " + treeSize
                    + " entries, the checkpoint's tree has " + checkpoint.size());
        }
        var entry = bytes(json, "entry");
        // The leaf hash is recomputed from the entry, never taken from the file.
        var leaf = Merkle.leafHash(entry);
        if (!Merkle.verifyInclusion(index, treeSize, leaf, hashes(json, "inclusionProof"), checkpoint.rootHash())) {
            throw new IllegalArgumentException("Entry " + index + " is not included in the tree of " + treeSize
                    + " entries that the checkpoint signs");
        }
        out.println("OK entry " + index + " is in the log " + checkpoint.origin() + " at size " + treeSize);
        out.print(new String(entry, StandardCharsets.UTF_8));
        return VERIFIED;
    }

    private int verifyConsistency(String key, String oldFile, String newFile, String proofFile) {
        var verifier = verifier(key);
        var older = checkpoint(verifier, oldFile);
        var newer = checkpoint(verifier, newFile);
        if (!older.origin().equals(newer.origin())) {
            throw new IllegalArgumentException(
                    "The checkpoints are of two logs: " + older.origin() + " and " + newer.origin());
        }
        var json = json(proofFile);
        if (number(json, "first") != older.size() || number(json, "second") != newer.size()) {
            throw new IllegalArgumentException("The proof is from size " + number(json, "first") + " to "
                    + number(json, "second") + ", the checkpoints are at " + older.size() + " and "
                    + newer.size());
        }
        if (!Merkle.verifyConsistency(
                older.size(), newer.size(), older.rootHash(), newer.rootHash(), hashes(json, "proof"))) {
            throw new IllegalArgumentException("The tree of " + older.size()
                    + " entries is not a prefix of the tree of " + newer.size() + ": the log was rewritten");
        }
        out.println("OK the log " + newer.origin() + " at size " + older.size() + " is a prefix of the log at size "
                + newer.size());
        return VERIFIED;
    }

    /**
     * A device history record's own proof: its checkpoint is signed by the key, every entry is in the tree that
     * checkpoint signs (the leaf hash recomputed from the entry's text), every entry names the record's unit, an
     * entry's event, where the record carries it, is the one the entry hashes, and every signature the record shows is
     * one of those events, as it says.
     */
    private int verifyDeviceHistoryRecord(String key, String recordFile) {
        var verifier = verifier(key);
        var record = json(recordFile);
        var serial = string(object(record, "unit"), "serial");
        var ledger = record.get("ledger");
        if (ledger == null || ledger.isNull()) {
            throw new IllegalArgumentException("The record of " + serial + " carries no proof from the audit ledger");
        }
        if (!ledger.isObject()) {
            throw new Unreadable("'ledger' is not an object");
        }
        if (!serial.equals(string(ledger, "serial"))) {
            throw new IllegalArgumentException(
                    "The proofs are of unit " + string(ledger, "serial") + ", the record is of " + serial);
        }
        var checkpoint = Checkpoint.open(string(object(ledger, "checkpoint"), "note"), verifier);
        var entries = ledger.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new Unreadable("no list 'entries' in 'ledger'");
        }
        // A record carries one batch proof of all its entries ("proof"); one issued before that, a proof per entry.
        var batch = ledger.has("proof");
        var leaves = new ArrayList<byte[]>();
        var events = new HashMap<String, JsonNode>();
        var indexes = new LinkedHashSet<Long>();
        for (var proven : entries) {
            var index = number(proven, "index");
            if (!indexes.add(index)) {
                throw new IllegalArgumentException("Entry " + index + " is in the record twice");
            }
            var leaf = Merkle.leafHash(string(proven, "entry").getBytes(StandardCharsets.UTF_8));
            if (batch) {
                leaves.add(leaf);
            } else if (!Merkle.verifyInclusion(
                    index, checkpoint.size(), leaf, hashes(proven, "inclusionProof"), checkpoint.rootHash())) {
                throw new IllegalArgumentException("Entry " + index + " is not included in the tree of "
                        + checkpoint.size() + " entries that the checkpoint signs");
            }
            var fields = parse(string(proven, "entry"), "entry " + index);
            if (!serial.equals(fields.path("serial").asString(""))) {
                throw new IllegalArgumentException("Entry " + index + " is not of unit " + serial + ": it names "
                        + fields.path("serial").asString("no unit"));
            }
            var event = proven.get("event");
            if (event != null && !event.isNull()) {
                if (!event.isString()) {
                    throw new Unreadable("the event of entry " + index + " is not text");
                }
                var sha256 = HexFormat.of().formatHex(sha256(event.asString().getBytes(StandardCharsets.UTF_8)));
                if (!sha256.equals(fields.path("eventSha256").asString(""))) {
                    throw new IllegalArgumentException("The event shown with entry " + index
                            + " is not the one the entry records: its SHA-256 differs");
                }
                events.put(fields.path("eventId").asString(""), parse(event.asString(), "the event of entry " + index));
            }
        }
        if (batch && indexes.isEmpty()) {
            throw new IllegalArgumentException("The record of " + serial + " carries no entry of the ledger");
        }
        if (batch
                && !Merkle.verifyBatchInclusion(
                        indexes.stream().mapToLong(Long::longValue).toArray(),
                        leaves,
                        checkpoint.size(),
                        hashes(ledger, "proof"),
                        checkpoint.rootHash())) {
            throw new IllegalArgumentException("The record's " + indexes.size() + " entries are not all included, at"
                    + " the places it gives, in the tree of " + checkpoint.size()
                    + " entries that the checkpoint signs");
        }
        var signatures = record.get("signatures");
        if (signatures != null && signatures.isArray()) {
            for (var signature : signatures) {
                var eventId = string(signature, "eventId");
                var event = events.get(eventId);
                if (event == null) {
                    throw new IllegalArgumentException(
                            "The signature " + eventId + " the record shows is not among its proven entries");
                }
                var body = event.path("body");
                for (var field : List.of("printedName", "meaning", "action", "signedAt")) {
                    if (!same(
                            field,
                            signature.path(field).asString(""),
                            body.path(field).asString(""))) {
                        throw new IllegalArgumentException("The signature " + eventId + " the record shows says"
                                + " another " + field + " than the ledger's entry");
                    }
                }
            }
        }
        out.println("OK " + indexes.size() + " entries of unit " + serial + " are in the log " + checkpoint.origin()
                + " at size " + checkpoint.size()
                + (signatures != null && signatures.isArray() ? ", with " + signatures.size() + " signatures" : ""));
        return VERIFIED;
    }

    /** Times as instants, whatever digits of a second each writer kept; the rest as text. */
    private static boolean same(String field, String shown, String recorded) {
        if (!field.equals("signedAt")) {
            return shown.equals(recorded);
        }
        try {
            return Instant.parse(shown).equals(Instant.parse(recorded));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode object(JsonNode json, String field) {
        var value = json.get(field);
        if (value == null || !value.isObject()) {
            throw new Unreadable("no object '" + field + "'");
        }
        return value;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private int generateKey(String name) {
        var signer = NoteSigner.generate(name);
        out.println(signer.signerKey());
        out.println(signer.verifier().verifierKey());
        return VERIFIED;
    }

    private int usage() {
        err.println("""
                usage: verify-checkpoint KEY CHECKPOINT
                       verify-inclusion KEY CHECKPOINT ENTRY
                       verify-consistency KEY OLD-CHECKPOINT NEW-CHECKPOINT CONSISTENCY
                       verify-dhr KEY DHR
                       generate-key NAME
                KEY: the log's verifier key, or a file holding it (text, or the JSON of /api/audit/public-key)
                CHECKPOINT: a file with the signed note, or the JSON of /api/audit/checkpoints/...
                ENTRY: the JSON of /api/audit/entries/{index}?treeSize=N
                CONSISTENCY: the JSON of /api/audit/consistency?first=M&second=N
                DHR: a device history record, the JSON of /api/trace/units/{serial}/dhr.json""");
        return UNREADABLE;
    }

    private NoteVerifier verifier(String key) {
        var text = Files.isRegularFile(Path.of(key)) ? read(key).strip() : key;
        if (text.startsWith("{")) {
            text = string(parse(text, key), "verifierKey");
        }
        try {
            return NoteVerifier.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    private Checkpoint checkpoint(NoteVerifier verifier, String file) {
        var text = read(file);
        if (text.strip().startsWith("{")) {
            text = string(parse(text, file), "note");
        }
        return Checkpoint.open(text, verifier);
    }

    private JsonNode json(String file) {
        return parse(read(file), file);
    }

    private static JsonNode parse(String text, String file) {
        try {
            var node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new Unreadable(file + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new Unreadable(file + " is not JSON");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("cannot read " + file);
        }
    }

    private static String string(JsonNode json, String field) {
        var value = json.get(field);
        if (value == null || !value.isString()) {
            throw new Unreadable("no text field '" + field + "'");
        }
        return value.asString();
    }

    private static long number(JsonNode json, String field) {
        var value = json.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new Unreadable("no whole number '" + field + "'");
        }
        return value.asLong();
    }

    private static byte[] bytes(JsonNode json, String field) {
        try {
            return Base64.getDecoder().decode(string(json, field));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("'" + field + "' is not base64");
        }
    }

    private static List<byte[]> hashes(JsonNode json, String field) {
        var value = json.get(field);
        if (value == null || !value.isArray()) {
            throw new Unreadable("no list '" + field + "'");
        }
        var hashes = new ArrayList<byte[]>();
        for (var hash : value) {
            if (!hash.isString()) {
                throw new Unreadable("'" + field + "' holds something other than base64 hashes");
            }
            try {
                hashes.add(Base64.getDecoder().decode(hash.asString()));
            } catch (IllegalArgumentException e) {
                throw new Unreadable("'" + field + "' holds something other than base64 hashes");
            }
        }
        return hashes;
    }

    /** Input that is not what the audit API serves: exit status 2, not a failed verification. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
