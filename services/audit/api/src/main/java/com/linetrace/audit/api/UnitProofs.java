package com.linetrace.audit.api;

import java.util.List;

/**
 * Every entry of one unit with one proof that they are all in the tree of one signed checkpoint: what a device
 * history record carries, so that an auditor can check one drone's record offline with the log's public key alone
 * ({@code verify-dhr} of the standalone verifier). An entry is the unit's when its {@code serial} is the unit's: the
 * unit's events, its equipment results and the people's actions that name it (signatures, exports).
 *
 * <p>The proof is a batch inclusion proof (the verifier's {@code Merkle.batchInclusionProof}): the hashes of the
 * subtrees that hold none of the unit's entries, each once, where an inclusion proof per entry would repeat the upper
 * part of paths that the entries of one unit, appended over a few hours, share.
 *
 * @param serial the unit's serial
 * @param checkpoint the signed checkpoint the proof is against; its {@code note} is what the verifier checks
 * @param entries the unit's entries in log order
 * @param proof the batch inclusion proof of {@code entries} in the checkpoint's tree, base64
 */
public record UnitProofs(String serial, AuditCheckpoint checkpoint, List<ProvenEntry> entries, List<String> proof) {

    public UnitProofs {
        entries = List.copyOf(entries);
        proof = List.copyOf(proof);
    }
}
