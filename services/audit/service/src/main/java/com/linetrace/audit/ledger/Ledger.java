package com.linetrace.audit.ledger;

import com.linetrace.audit.api.AuditProblem;
import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.audit.ledger.LedgerRepository.StoredCheckpoint;
import com.linetrace.audit.verifier.Checkpoint;
import com.linetrace.audit.verifier.Merkle;
import com.linetrace.audit.verifier.NoteSigner;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes the ledger: appends each record once (a poll's records together), and signs checkpoints. Both take the log's writer lock, so with any
 * number of instances there is one order of entries, and a checkpoint signs a state of the log between two appends.
 * Before signing, the tree is checked against the latest checkpoint: the ledger never signs a rewritten log.
 */
class Ledger {

    private final LedgerRepository repository;
    private final TransactionOperations transactions;
    private final NoteSigner signer;
    private final LedgerSettings settings;
    private final LedgerWatch watch;
    private final Clock clock;

    Ledger(
            LedgerRepository repository,
            TransactionOperations transactions,
            NoteSigner signer,
            LedgerSettings settings,
            LedgerWatch watch,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.signer = signer;
        this.settings = settings;
        this.watch = watch;
        this.clock = clock;
    }

    /**
     * Appends a poll's entries, in order, in one transaction under the writer lock: those whose event id is already
     * in the log, or earlier in the poll, append nothing. One lock, one look-up and a few multi-row statements a poll
     * instead of a handful of statements and a commit an entry.
     *
     * @return how many were appended
     */
    int appendAll(List<LedgerEntry> entries) {
        return Objects.requireNonNull(transactions.execute(status -> {
            repository.lockWriter();
            var known = repository.containing(
                    entries.stream().map(LedgerEntry::eventId).toList());
            var fresh = new ArrayList<LedgerEntry>(entries.size());
            for (var entry : entries) {
                if (known.add(entry.eventId())) {
                    fresh.add(entry);
                }
            }
            repository.appendAll(repository.size(), fresh);
            return fresh.size();
        }));
    }

    /** The entry of a record of {@code topic}, appended at this instant. */
    LedgerEntry entry(String topic, byte[] value) {
        return LedgerRecords.entry(topic, value, clock.instant());
    }

    /**
     * Signs a checkpoint of the log as it is, or returns the latest when the log has not grown since.
     *
     * @throws com.linetrace.contracts.problem.ProblemException 503 {@code audit-ledger-broken} when the ledger found
     *     itself altered: it signs nothing more
     */
    StoredCheckpoint checkpoint() {
        if (watch.broken()) {
            throw AuditProblem.LEDGER_BROKEN.exception(
                    "The audit ledger found itself altered and signs no checkpoint until people have looked: "
                            + watch.problem());
        }
        try {
            return sign();
        } catch (LedgerBrokenException e) {
            watch.record(new LedgerVerification(false, repository.size(), 0, e.getMessage(), clock.instant()));
            throw AuditProblem.LEDGER_BROKEN.exception(
                    "The audit ledger found itself altered and signs no checkpoint: " + e.getMessage());
        }
    }

    private StoredCheckpoint sign() {
        return Objects.requireNonNull(transactions.execute(status -> {
            repository.lockWriter();
            var size = repository.size();
            var latest = repository.latestCheckpoint();
            if (latest.isPresent() && latest.get().treeSize() == size) {
                return latest.get();
            }
            var tree = repository.tree();
            if (latest.isPresent()) {
                var signed = latest.get();
                if (signed.treeSize() > size) {
                    throw new LedgerBrokenException("The checkpoint at size " + signed.treeSize() + " signs more"
                            + " entries than the log holds (" + size + "): entries were deleted");
                }
                if (!MessageDigest.isEqual(Merkle.root(tree, signed.treeSize()), signed.rootHash())) {
                    throw new LedgerBrokenException("The first " + signed.treeSize() + " entries no longer give the"
                            + " root their checkpoint signed: the log was rewritten");
                }
            }
            var root = Merkle.root(tree, size);
            var note = new Checkpoint(settings.origin(), size, root).sign(signer);
            var now = clock.instant();
            repository.insertCheckpoint(size, root, note, now);
            return new StoredCheckpoint(size, root, note, now);
        }));
    }
}
