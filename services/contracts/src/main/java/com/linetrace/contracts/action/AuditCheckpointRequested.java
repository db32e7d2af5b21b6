package com.linetrace.contracts.action;

/**
 * A person asked the audit ledger to sign a checkpoint of the log as it was (the audit view's "sign now", or
 * {@code POST /api/audit/checkpoints}); the ledger's own checkpoints on its schedule are not a person's action. Who and
 * when are the envelope's actor and occurred-at.
 *
 * @param treeSize the size of the tree the checkpoint they were given signs
 */
public record AuditCheckpointRequested(long treeSize) implements AuditAction {

    public AuditCheckpointRequested {
        if (treeSize < 0) {
            throw new IllegalArgumentException("A tree's size is not negative");
        }
    }
}
