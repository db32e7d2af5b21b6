package com.linetrace.contracts.action;

/** What a person states their electronic signature means (21 CFR 11.50(a)(3)). */
public enum SignatureMeaning {
    /** The signer approves what is signed. */
    APPROVED,
    /** The signer reviewed it. */
    REVIEWED,
    /** The signer takes responsibility for it. */
    RESPONSIBLE
}
