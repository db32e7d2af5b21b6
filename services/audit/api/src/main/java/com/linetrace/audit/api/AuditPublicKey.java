package com.linetrace.audit.api;

/**
 * The key the ledger signs its checkpoints with.
 *
 * @param name the key's name in the signature lines
 * @param verifierKey the C2SP verifier key {@code <name>+<hex key id>+<base64(0x01 || Ed25519 public key)>}
 */
public record AuditPublicKey(String name, String verifierKey) {}
