package com.linetrace.contracts.action;

/**
 * The decisions that need a person's electronic signature (21 CFR Part 11 in spirit): the person re-enters their
 * password and states what their signature means. Each has the subject it signs.
 */
public enum SignedAction {
    /** A held unit released back into its route; the subject is its serial. */
    UNIT_RELEASE,
    /** A unit scrapped; the subject is its serial. */
    UNIT_SCRAP,
    /** A firmware release approved for flashing; the subject is the release id. */
    FIRMWARE_APPROVAL,
    /** A firmware release revoked (its units held); the subject is the release id. */
    FIRMWARE_REVOCATION,
    /** A new route version approved; the subject is the model and version. */
    ROUTE_APPROVAL
}
