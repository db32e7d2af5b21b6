package com.linetrace.audit.ledger;

import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.audit.ledger.LedgerRepository.StoredCheckpoint;
import com.linetrace.audit.verifier.Checkpoint;
import com.linetrace.audit.verifier.Merkle;
import com.linetrace.audit.verifier.NoteVerifier;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ledger checking itself as an outsider would, from its rows alone: each entry recomputed from its columns and
 * event, each leaf hash from its entry, the indexes without a gap, each checkpoint's root recomputed from the
 * entries and its signed note checked with the public key, and the stored subtrees giving the same root (proofs are
 * made from them). Whatever a person changed with SQL shows as one of these.
 */
class LedgerVerifier {

    private static final int BATCH = 5_000;

    private final LedgerRepository repository;
    private final NoteVerifier key;
    private final LedgerSettings settings;
    private final Clock clock;

    LedgerVerifier(LedgerRepository repository, NoteVerifier key, LedgerSettings settings, Clock clock) {
        this.repository = repository;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    LedgerVerification verify() {
        var checkpoints = repository.allCheckpoints();
        var range = new CompactRange();
        var next = 0;
        long expected = 0;
        var problem = compare(checkpoints, next, 0, range);
        while (problem == null
                && next < checkpoints.size()
                && checkpoints.get(next).treeSize() == 0) {
            next++;
        }
        read:
        while (problem == null) {
            var batch = repository.entriesFrom(expected, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (var row : batch) {
                if (row.index() != expected) {
                    problem = "Entry " + expected + " is missing (the next row is entry " + row.index()
                            + "): rows were deleted or moved";
                    break read;
                }
                if (!Arrays.equals(row.fields().canonical(), row.entry())) {
                    problem = "Entry " + expected + " does not match its row: its fields or its event were altered";
                    break read;
                }
                var leaf = Merkle.leafHash(row.entry());
                if (!Arrays.equals(leaf, row.leafHash())) {
                    problem = "The leaf hash of entry " + expected + " is not its entry's: the row was altered";
                    break read;
                }
                range.append(leaf);
                expected++;
                problem = compare(checkpoints, next, expected, range);
                if (problem != null) {
                    break read;
                }
                while (next < checkpoints.size() && checkpoints.get(next).treeSize() == expected) {
                    next++;
                }
            }
        }
        if (problem == null && next < checkpoints.size()) {
            problem = "The checkpoint at size " + checkpoints.get(next).treeSize() + " signs more entries than the"
                    + " log holds (" + expected + "): entries were deleted";
        }
        if (problem == null && expected > 0) {
            try {
                if (!Arrays.equals(Merkle.root(repository.tree(), expected), range.root())) {
                    problem = "The stored subtree hashes do not give the entries' root: proofs would not verify";
                }
            } catch (LedgerBrokenException e) {
                problem = e.getMessage();
            }
        }
        return new LedgerVerification(problem == null, expected, checkpoints.size(), problem, clock.instant());
    }

    /** The problem with the checkpoints at {@code size}, if any, now that the range holds that many leaves. */
    private @Nullable String compare(List<StoredCheckpoint> checkpoints, int next, long size, CompactRange range) {
        for (var i = next; i < checkpoints.size() && checkpoints.get(i).treeSize() == size; i++) {
            var checkpoint = checkpoints.get(i);
            var root = range.root();
            if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
                return "The first " + size + " entries no longer give the root their signed checkpoint holds: an"
                        + " entry was altered, deleted, moved or inserted";
            }
            var problem = signature(checkpoint);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * The checkpoint's note must be this key's signature of its row. A note of another key (a demo's throw-away key of
     * an earlier run) is left to whoever holds that key; its root was compared all the same.
     */
    private @Nullable String signature(StoredCheckpoint checkpoint) {
        if (!checkpoint.note().contains("\n\u2014 " + key.name() + " ")) {
            return null;
        }
        try {
            var signed = Checkpoint.open(checkpoint.note(), key);
            if (!signed.equals(new Checkpoint(settings.origin(), checkpoint.treeSize(), checkpoint.rootHash()))) {
                return "The signed note of the checkpoint at size " + checkpoint.treeSize() + " is not its row's";
            }
            return null;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("The note is not signed by")) {
                return null;
            }
            return "The checkpoint at size " + checkpoint.treeSize() + " is not validly signed: " + e.getMessage();
        }
    }
}
