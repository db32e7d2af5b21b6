package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;

/**
 * A person had the audit ledger check itself and was told the result: who checked, and what they were shown, is part
 * of the record (the ledger's own checks on its schedule raise {@link AuditLedgerBroken} when they find something).
 *
 * @param intact what the check found
 * @param entries how many entries it read
 * @param problem what it found altered, in plain words, when not intact
 */
public record AuditLedgerVerified(
        boolean intact, long entries, @Nullable String problem) implements AuditAction {

    public AuditLedgerVerified {
        if (entries < 0) {
            throw new IllegalArgumentException("A count of entries is not negative");
        }
        Text.optional("problem", problem, Text.REASON);
    }
}
