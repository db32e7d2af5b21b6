package com.linetrace.provisioning.api;

/** Where a firmware release stands: registered, approved by quality for flashing, or revoked for good. */
public enum ReleaseState {
    DRAFT,
    APPROVED,
    REVOKED
}
