package com.linetrace.audit.api;

import java.time.Instant;

/**
 * A signed checkpoint of the ledger: the tree of its first {@code treeSize} entries has {@code rootHash}.
 *
 * @param origin the log's name, the checkpoint's first line
 * @param rootHash the root hash in base64
 * @param note the C2SP signed note ({@code tlog-checkpoint}): what an outsider keeps and verifies with the public key
 */
public record AuditCheckpoint(String origin, long treeSize, String rootHash, Instant issuedAt, String note) {}
