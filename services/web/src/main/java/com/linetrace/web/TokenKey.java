package com.linetrace.web;

import java.security.interfaces.RSAPublicKey;

/**
 * The public key of the token issuer living in this process (identity, in the plant and in its own launcher): with
 * it, tokens are verified against the key in memory and no key file is configured.
 */
public record TokenKey(RSAPublicKey publicKey) {}
