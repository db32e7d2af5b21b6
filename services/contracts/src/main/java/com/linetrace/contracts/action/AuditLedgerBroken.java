package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;

/**
 * The audit ledger found itself altered: an entry that no longer matches its row, an entry missing, moved or inserted,
 * or a signed checkpoint its entries no longer give. Raised by the audit service (the actor is {@code audit}) once
 * per discovery; people must look, the ledger signs nothing more until they have.
 *
 * @param entries how many entries the verification read
 * @param checkpoints how many signed checkpoints it compared
 * @param problem what it found, in plain words
 */
public record AuditLedgerBroken(long entries, long checkpoints, String problem) implements AuditAction {

    public AuditLedgerBroken {
        Text.require("problem", problem, Text.REASON);
        if (entries < 0 || checkpoints < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
