package com.linetrace.audit.api;

import java.util.List;

/**
 * An entry with its inclusion proof (RFC 9162 §2.1.3) in the tree of {@code treeSize} entries: with the checkpoint at
 * that size and the public key, anyone can check that the entry is in the log.
 *
 * @param entry the entry's canonical bytes in base64
 * @param leafHash SHA-256(0x00 || entry), base64 (a verifier recomputes it)
 * @param inclusionProof the hashes of the path, leaf side first, base64
 * @param record the entry's fields, for people
 */
public record EntryProof(
        long index, long treeSize, String entry, String leafHash, List<String> inclusionProof, AuditEntry record) {}
