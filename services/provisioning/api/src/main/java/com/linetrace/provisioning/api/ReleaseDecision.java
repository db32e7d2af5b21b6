package com.linetrace.provisioning.api;

import com.linetrace.identity.api.SignatureCredential;
import org.jspecify.annotations.Nullable;

/**
 * An approval or a revocation as quality submits it: why, and the decision's electronic signature (DD018).
 *
 * @param reason why, in words: required, at most 500 characters
 * @param signature the signer's password re-entered for this decision and what the signature means: required (400
 *     {@code signature-required} without it); who signs is the caller
 */
public record ReleaseDecision(
        @Nullable String reason, @Nullable SignatureCredential signature) {}
