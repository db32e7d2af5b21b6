package com.linetrace.audit.api;

import java.util.List;

/**
 * That the tree of the first {@code first} entries is a prefix of the tree of {@code second} (RFC 9162 §2.1.4): with
 * the two checkpoints and the public key, anyone can check that nothing before {@code first} was changed since.
 *
 * @param proof the proof's hashes, base64
 */
public record ConsistencyProof(long first, long second, List<String> proof) {}
