package com.linetrace.audit.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The audit ledger: an append-only Merkle tree log (RFC 9162) of every record of every LineTrace topic, with signed
 * checkpoints (C2SP tlog-checkpoint). The public key and checkpoints are for any signed-in role (the key for anyone),
 * entries, proofs, search and verification for QUALITY and ADMIN, a unit's proofs for whoever may have its device
 * history record.
 */
@HttpExchange("/api/audit")
public interface AuditLedger {

    /** The key checkpoints are signed with. */
    @GetExchange("/public-key")
    AuditPublicKey publicKey();

    /** The newest checkpoint. */
    @GetExchange("/checkpoints/latest")
    AuditCheckpoint latestCheckpoint();

    /**
     * The checkpoint issued at {@code treeSize}.
     *
     * @throws com.linetrace.contracts.problem.ProblemException 404 {@code audit-checkpoint-not-found}
     */
    @GetExchange("/checkpoints/{treeSize}")
    AuditCheckpoint checkpoint(@PathVariable("treeSize") long treeSize);

    /** Checkpoints issued, newest first: {@code limit} (1–500) of those below {@code before} (a tree size). */
    @GetExchange("/checkpoints")
    List<AuditCheckpoint> checkpoints(
            @RequestParam(name = "before", required = false) @Nullable Long before,
            @RequestParam(name = "limit", defaultValue = "50") int limit);

    /** Signs a checkpoint of the log as it is now (or returns the one at this size), QUALITY and ADMIN. */
    @PostExchange("/checkpoints")
    AuditCheckpoint issueCheckpoint();

    /**
     * Entry {@code index} with its inclusion proof in the tree of {@code treeSize} entries (the latest checkpoint's
     * when absent).
     *
     * @throws com.linetrace.contracts.problem.ProblemException 404 {@code audit-entry-not-found}, 400 {@code
     *     audit-tree-size-out-of-range}
     */
    @GetExchange("/entries/{index}")
    EntryProof entry(
            @PathVariable("index") long index,
            @RequestParam(name = "treeSize", required = false) @Nullable Long treeSize);

    /**
     * A consistency proof from the tree of {@code first} entries to the tree of {@code second}.
     *
     * @throws com.linetrace.contracts.problem.ProblemException 400 {@code audit-tree-size-out-of-range}
     */
    @GetExchange("/consistency")
    ConsistencyProof consistency(@RequestParam("first") long first, @RequestParam("second") long second);

    /**
     * Entries newest first, by serial, actor, action (the event type) and time window {@code [from, to)}, each
     * optional; {@code before} is the {@code next} of the previous page.
     */
    @GetExchange("/entries")
    AuditEntryPage search(
            @RequestParam(name = "serial", required = false) @Nullable String serial,
            @RequestParam(name = "actor", required = false) @Nullable String actor,
            @RequestParam(name = "action", required = false) @Nullable String action,
            @RequestParam(name = "from", required = false) @Nullable Instant from,
            @RequestParam(name = "to", required = false) @Nullable Instant to,
            @RequestParam(name = "before", required = false) @Nullable Long before,
            @RequestParam(name = "limit", defaultValue = "50") int limit);

    /**
     * Every entry of the unit {@code serial} with its inclusion proof against one signed checkpoint that covers them
     * all (signed now when the latest does not), for the unit's device history record. For QUALITY, SUPERVISOR,
     * MANAGER, ENGINEER and ADMIN, who may have the record.
     *
     * @throws com.linetrace.contracts.problem.ProblemException 400 {@code invalid-audit-search} for a malformed
     *     serial, 503 {@code audit-ledger-broken}
     */
    @GetExchange("/units/{serial}/proofs")
    UnitProofs unitProofs(@PathVariable("serial") String serial);

    /**
     * Entry {@code index} with its inclusion proof and the signed checkpoint it is proven against, in one file that
     * the verifier checks ({@code verify-inclusion KEY FILE FILE}). Each export is an audit action
     * ({@code AuditEntryExported}). QUALITY and ADMIN.
     *
     * @throws com.linetrace.contracts.problem.ProblemException 404 {@code audit-entry-not-found}, 503 {@code
     *     audit-ledger-broken}
     */
    @PostExchange("/entries/{index}/export")
    EntryExport export(@PathVariable("index") long index);

    /** The last verification of the ledger by itself. */
    @GetExchange("/verification")
    LedgerVerification verification();

    /** Verifies the ledger now. */
    @PostExchange("/verification")
    LedgerVerification verify();
}
