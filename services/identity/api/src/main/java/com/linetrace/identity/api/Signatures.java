package com.linetrace.identity.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Electronic signatures' password check (21 CFR 11.200 in spirit: a signature is executed with the signer's own
 * password, re-entered): the same interface in process (the plant) and over HTTP ({@code /api/signatures}) for a
 * service apart from identity, which calls it with the signer's token. The service whose decision is signed decides
 * who may sign it and records the signature; identity only says whether the password is the caller's.
 */
@HttpExchange(url = "/api/signatures", contentType = MediaType.APPLICATION_JSON_VALUE)
public interface Signatures {

    /**
     * Checks that {@code credential}'s password is the signed-in caller's own.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link SignatureProblem#SIGNATURE_REFUSED} for a wrong
     *     password or a disabled or unknown user, {@link SignatureProblem#SIGNATURE_REQUIRED} without a password
     */
    @PostExchange("/verification")
    Signer verify(@RequestBody SignatureCredential credential);
}
