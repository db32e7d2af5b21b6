package com.linetrace.audit.api;

import java.util.List;

/**
 * Every entry of one unit with its inclusion proof against one signed checkpoint that covers them all: what a device
 * history record carries, so that an auditor can check one drone's record offline with the log's public key alone
 * ({@code verify-dhr} of the standalone verifier). An entry is the unit's when its {@code serial} is the unit's: the
 * unit's events, its equipment results and the people's actions that name it (signatures, exports).
 *
 * @param serial the unit's serial
 * @param checkpoint the signed checkpoint every proof is against; its {@code note} is what the verifier checks
 * @param entries the unit's entries in log order
 */
public record UnitProofs(String serial, AuditCheckpoint checkpoint, List<ProvenEntry> entries) {

    public UnitProofs {
        entries = List.copyOf(entries);
    }
}
