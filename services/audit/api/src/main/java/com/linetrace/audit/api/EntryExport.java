package com.linetrace.audit.api;

import java.util.List;

/**
 * One entry exported with everything needed to check it offline: its inclusion proof (the fields of {@link
 * EntryProof}) and the signed checkpoint of that tree size ({@code note}), so the one file is both the entry and the
 * checkpoint the verifier is given, with the log's public key obtained apart.
 *
 * @param note the C2SP signed note of the checkpoint at {@code treeSize}
 * @param verifierKey the key the plant says signed it; an auditor checks it against the key they hold, never trusts
 *     it from the file
 */
public record EntryExport(
        long index,
        long treeSize,
        String entry,
        String leafHash,
        List<String> inclusionProof,
        AuditEntry record,
        String note,
        String verifierKey) {

    public EntryExport {
        inclusionProof = List.copyOf(inclusionProof);
    }
}
