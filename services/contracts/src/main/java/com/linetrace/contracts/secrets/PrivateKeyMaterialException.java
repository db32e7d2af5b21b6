package com.linetrace.contracts.secrets;

/**
 * A payload held private key material. The message names only the kind of key found, never the payload, so
 * the exception is safe to log, to answer with and to carry into a dead-letter header.
 */
public final class PrivateKeyMaterialException extends RuntimeException {

    private final String kind;

    public PrivateKeyMaterialException(String kind) {
        super(
                "Refused: the payload contains private key material (" + kind + "). It was not processed or stored."
                        + " Send only public keys, CSRs and certificates.",
                null,
                false,
                false);
        this.kind = kind;
    }

    /** What was found, e.g. "PKCS#8 private key": safe to show, it quotes nothing. */
    public String kind() {
        return kind;
    }
}
