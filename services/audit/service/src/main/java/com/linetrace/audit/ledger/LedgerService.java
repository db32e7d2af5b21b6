package com.linetrace.audit.ledger;

import com.linetrace.audit.api.AuditCheckpoint;
import com.linetrace.audit.api.AuditEntry;
import com.linetrace.audit.api.AuditEntryPage;
import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.AuditProblem;
import com.linetrace.audit.api.AuditPublicKey;
import com.linetrace.audit.api.ConsistencyProof;
import com.linetrace.audit.api.EntryExport;
import com.linetrace.audit.api.EntryProof;
import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.audit.api.ProvenEntry;
import com.linetrace.audit.api.UnitProofs;
import com.linetrace.audit.ledger.LedgerRepository.StoredCheckpoint;
import com.linetrace.audit.ledger.LedgerRepository.StoredEntry;
import com.linetrace.audit.verifier.Merkle;
import com.linetrace.audit.verifier.NoteVerifier;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.AuditCheckpointRequested;
import com.linetrace.contracts.action.AuditEntryExported;
import com.linetrace.contracts.action.AuditLedgerVerified;
import com.linetrace.messaging.Outbox;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The ledger for its readers: checkpoints for any plant role, entries, proofs, search and verification for QUALITY
 * and ADMIN; the public key for anyone. Proofs are made from the stored subtrees, in O(log n) rows.
 */
class LedgerService implements AuditLedger {

    static final int MAX_PAGE = 500;

    /** More entries than any unit's route and rework make; a unit past it has its record refused, not cut short. */
    static final int MAX_UNIT_ENTRIES = 5_000;

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final LedgerRepository repository;
    private final Ledger ledger;
    private final LedgerVerifier verifier;
    private final LedgerWatch watch;
    private final NoteVerifier key;
    private final Outbox outbox;
    private final TransactionOperations transactions;
    private final String plant;
    private final Clock clock;

    LedgerService(
            LedgerRepository repository,
            Ledger ledger,
            LedgerVerifier verifier,
            LedgerWatch watch,
            NoteVerifier key,
            Outbox outbox,
            TransactionOperations transactions,
            String plant,
            Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.verifier = verifier;
        this.watch = watch;
        this.key = key;
        this.outbox = outbox;
        this.transactions = transactions;
        this.plant = plant;
        this.clock = clock;
    }

    @Override
    public AuditPublicKey publicKey() {
        return new AuditPublicKey(key.name(), key.verifierKey());
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public AuditCheckpoint latestCheckpoint() {
        return checkpoint(repository.latestCheckpoint().orElseGet(ledger::checkpoint));
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public AuditCheckpoint checkpoint(long treeSize) {
        return checkpoint(repository
                .checkpoint(treeSize)
                .orElseThrow(() -> AuditProblem.CHECKPOINT_NOT_FOUND.exception(
                        "No checkpoint was signed at tree size " + treeSize)));
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<AuditCheckpoint> checkpoints(@Nullable Long before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw AuditProblem.INVALID_SEARCH.exception("A page holds 1 to " + MAX_PAGE + " checkpoints, not " + limit);
        }
        return repository.checkpoints(before, limit).stream()
                .map(this::checkpoint)
                .toList();
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public AuditCheckpoint issueCheckpoint() {
        var signed = ledger.checkpoint();
        record(new AuditCheckpointRequested(signed.treeSize()));
        return checkpoint(signed);
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public EntryProof entry(long index, @Nullable Long treeSize) {
        var size = repository.size();
        var stored = (index < 0 ? null : repository.entry(index).orElse(null));
        if (stored == null) {
            throw AuditProblem.ENTRY_NOT_FOUND.exception(
                    "The ledger has no entry " + index + " (it holds entries 0 to " + (size - 1) + ")");
        }
        long proofSize;
        if (treeSize == null) {
            var latest = repository.latestCheckpoint().orElse(null);
            // An entry newer than the latest checkpoint gets one: a proof is worth only as much as a signed root.
            proofSize = latest != null && latest.treeSize() > index
                    ? latest.treeSize()
                    : ledger.checkpoint().treeSize();
        } else {
            proofSize = treeSize;
        }
        if (proofSize <= index || proofSize > size) {
            throw AuditProblem.TREE_SIZE_OUT_OF_RANGE.exception("Entry " + index + " is in trees of " + (index + 1)
                    + " to " + size + " entries, not of " + proofSize);
        }
        var proof = proven(() -> Merkle.inclusionProof(repository.tree(), index, proofSize));
        return new EntryProof(
                index,
                proofSize,
                BASE64.encodeToString(stored.entry()),
                BASE64.encodeToString(stored.leafHash()),
                proof.stream().map(BASE64::encodeToString).toList(),
                entry(stored));
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public EntryExport export(long index) {
        var proof = entry(index, null);
        var signed = repository
                .checkpoint(proof.treeSize())
                .orElseThrow(() -> AuditProblem.CHECKPOINT_NOT_FOUND.exception(
                        "No checkpoint was signed at tree size " + proof.treeSize()));
        record(new AuditEntryExported(index, proof.treeSize()));
        return new EntryExport(
                proof.index(),
                proof.treeSize(),
                proof.entry(),
                proof.leafHash(),
                proof.inclusionProof(),
                proof.record(),
                signed.note(),
                key.verifierKey());
    }

    /** A person's action on the ledger, through audit's outbox onto the audit-actions topic and so into the ledger. */
    private void record(AuditAction action) {
        var actor = SecurityContextHolder.getContext().getAuthentication().getName();
        var now = clock.instant();
        var event =
                new AuditActionEvent(EventIds.next(), AuditAction.SCHEMA_VERSION, now, plant, actor, origin(), action);
        transactions.executeWithoutResult(status -> outbox.append(
                Topics.AUDIT_ACTIONS,
                actor,
                event.eventId(),
                AuditAction.CODEC.typeOf(event.body()),
                AuditAction.CODEC.encode(event),
                now));
    }

    /** Where the request came from, as this process saw it; null without an HTTP request behind the call. */
    private static @Nullable String origin() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            var address = request.getRequest().getRemoteAddr();
            return address != null && Text.problemWith(address, Text.ID) == null ? address : null;
        }
        return null;
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public ConsistencyProof consistency(long first, long second) {
        var size = repository.size();
        if (first < 1 || first > second || second > size) {
            throw AuditProblem.TREE_SIZE_OUT_OF_RANGE.exception("A consistency proof goes from a tree of at least 1"
                    + " entry to one at least as large and at most the log's " + size + ", not from " + first
                    + " to " + second);
        }
        var proof = proven(() -> Merkle.consistencyProof(repository.tree(), first, second));
        return new ConsistencyProof(
                first, second, proof.stream().map(BASE64::encodeToString).toList());
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public AuditEntryPage search(
            @Nullable String serial,
            @Nullable String actor,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Long before,
            int limit) {
        criterion("serial", serial);
        criterion("actor", actor);
        criterion("action", action);
        if (from != null && to != null && !from.isBefore(to)) {
            throw AuditProblem.INVALID_SEARCH.exception("The window's 'from' must be before its 'to'");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw AuditProblem.INVALID_SEARCH.exception("A page holds 1 to " + MAX_PAGE + " entries, not " + limit);
        }
        var rows = repository.search(serial, actor, action, from, to, before, limit + 1);
        var page = rows.stream().limit(limit).map(LedgerService::entry).toList();
        return new AuditEntryPage(page, rows.size() > limit ? page.getLast().index() : null);
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
    public UnitProofs unitProofs(String serial) {
        var problem = Serial.problemWith(serial);
        if (problem != null) {
            throw AuditProblem.INVALID_SEARCH.exception("The serial " + problem);
        }
        var stored = repository.unitEntries(serial, MAX_UNIT_ENTRIES + 1);
        if (stored.size() > MAX_UNIT_ENTRIES) {
            throw AuditProblem.INVALID_SEARCH.exception(
                    "Unit " + serial + " has more than " + MAX_UNIT_ENTRIES + " entries: ask for them by search");
        }
        var latest = repository.latestCheckpoint().orElse(null);
        // One checkpoint for every proof, covering the unit's newest entry: signed now when the latest does not.
        var checkpoint = latest != null
                        && (stored.isEmpty()
                                || latest.treeSize() > stored.getLast().index())
                ? latest
                : ledger.checkpoint();
        var entries = stored.stream()
                .map(row -> new ProvenEntry(
                        row.index(),
                        new String(row.entry(), StandardCharsets.UTF_8),
                        row.fields().topic().equals(Topics.AUDIT_ACTIONS)
                                ? new String(row.fields().event(), StandardCharsets.UTF_8)
                                : null))
                .toList();
        var indexes = stored.stream().mapToLong(StoredEntry::index).toArray();
        var proof = indexes.length == 0
                ? List.<String>of()
                : proven(() -> Merkle.batchInclusionProof(repository.tree(), indexes, checkpoint.treeSize())).stream()
                        .map(BASE64::encodeToString)
                        .toList();
        return new UnitProofs(serial, checkpoint(checkpoint), entries, proof);
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public LedgerVerification verification() {
        var last = watch.last();
        return last != null ? last : check();
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public LedgerVerification verify() {
        var verification = check();
        var problem = verification.problem();
        record(new AuditLedgerVerified(
                verification.intact(),
                verification.entries(),
                problem == null || problem.length() <= Text.REASON
                        ? problem
                        : problem.substring(0, Text.REASON - 1) + "…"));
        return verification;
    }

    private LedgerVerification check() {
        var verification = verifier.verify();
        watch.record(verification);
        return verification;
    }

    /** A proof from subtrees that are missing is no proof: the ledger was altered, and says so. */
    private static List<byte[]> proven(Supplier<List<byte[]>> proof) {
        try {
            return proof.get();
        } catch (LedgerBrokenException e) {
            throw AuditProblem.LEDGER_BROKEN.exception("No proof can be made: " + e.getMessage());
        }
    }

    private static void criterion(String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        var problem = Text.problemWith(value, Text.ID);
        if (problem != null || value.isBlank()) {
            throw AuditProblem.INVALID_SEARCH.exception(
                    "The " + name + " to search for " + (problem != null ? problem : "is blank"));
        }
    }

    private AuditCheckpoint checkpoint(StoredCheckpoint checkpoint) {
        return new AuditCheckpoint(
                checkpoint.note().substring(0, checkpoint.note().indexOf('\n')),
                checkpoint.treeSize(),
                BASE64.encodeToString(checkpoint.rootHash()),
                checkpoint.issuedAt(),
                checkpoint.note());
    }

    private static AuditEntry entry(StoredEntry stored) {
        var fields = stored.fields();
        return new AuditEntry(
                stored.index(),
                fields.eventId(),
                fields.topic(),
                fields.type(),
                fields.occurredAt(),
                fields.appendedAt(),
                fields.actor(),
                fields.plant(),
                fields.line(),
                fields.station(),
                fields.serial(),
                fields.reason(),
                BASE64.encodeToString(stored.entry()),
                BASE64.encodeToString(fields.event()));
    }
}
