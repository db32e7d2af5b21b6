package com.linetrace.audit.api;

import com.linetrace.contracts.problem.ProblemType;

/** Every way the audit ledger refuses a request, with its stable problem type and HTTP status. */
public enum AuditProblem implements ProblemType {
    /** No entry has this index (yet). */
    ENTRY_NOT_FOUND("audit-entry-not-found", 404),
    /** No checkpoint was issued at this tree size. */
    CHECKPOINT_NOT_FOUND("audit-checkpoint-not-found", 404),
    /** A tree size the proof cannot be made for: below 1, above the log's size, or not above the entry's index. */
    TREE_SIZE_OUT_OF_RANGE("audit-tree-size-out-of-range", 400),
    /** A search with a malformed criterion, a reversed time window or a page size outside 1–500. */
    INVALID_SEARCH("invalid-audit-search", 400),
    /** The ledger found itself altered and signs nothing more until people have looked (see the verification). */
    LEDGER_BROKEN("audit-ledger-broken", 503);

    private final String code;
    private final int status;

    AuditProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
