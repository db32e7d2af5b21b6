package com.linetrace.identity.api;

import com.linetrace.contracts.action.SignatureMeaning;

/**
 * An electronic signature as a request for a signed decision carries it: the signer's password, re-entered for this
 * one decision, and what they state the signature means. Who signs is never in it: it is whoever the request's
 * credentials name, so nobody signs for another. The password never appears in {@link #toString()}.
 */
public record SignatureCredential(String password, SignatureMeaning meaning) {

    public SignatureCredential {
        if (password == null || password.isEmpty() || password.length() > 200) {
            throw SignatureProblem.SIGNATURE_REQUIRED.exception("Re-enter your password (1 to 200 characters) to sign");
        }
        if (meaning == null) {
            throw SignatureProblem.SIGNATURE_REQUIRED.exception(
                    "State what your signature means: APPROVED, REVIEWED or RESPONSIBLE");
        }
    }

    @Override
    public String toString() {
        return "SignatureCredential[password=(not shown), meaning=" + meaning + "]";
    }
}
