package com.linetrace.contracts.action;

/**
 * A person exported one entry of the audit ledger with its inclusion proof and the signed checkpoint it is proven
 * against (the audit view's export). Who and when are the envelope's actor and occurred-at.
 *
 * @param index the entry's place in the log
 * @param treeSize the size of the signed tree the proof is against
 */
public record AuditEntryExported(long index, long treeSize) implements AuditAction {

    public AuditEntryExported {
        if (index < 0 || treeSize <= index) {
            throw new IllegalArgumentException("An entry's index is below the size of the tree proving it");
        }
    }
}
