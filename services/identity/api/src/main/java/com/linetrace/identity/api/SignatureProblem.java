package com.linetrace.identity.api;

import com.linetrace.contracts.problem.ProblemType;

/** Every way an electronic signature is refused, by identity or by the service whose decision it signs. */
public enum SignatureProblem implements ProblemType {
    /** The decision needs a signature: the password re-entered and a stated meaning. */
    SIGNATURE_REQUIRED("signature-required", 400),
    /** The signer's roles do not allow them to sign this decision. */
    SIGNATURE_NOT_ALLOWED("signature-not-allowed", 403),
    /** The re-entered password is not the signer's, or the signer is disabled: nothing was signed. */
    SIGNATURE_REFUSED("signature-refused", 403),
    /** Identity could not be asked (a service apart from it): nothing was signed, try again. */
    SIGNATURE_UNAVAILABLE("signature-unavailable", 503);

    private final String code;
    private final int status;

    SignatureProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
