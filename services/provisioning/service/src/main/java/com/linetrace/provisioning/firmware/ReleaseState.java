package com.linetrace.provisioning.firmware;

/** A release's life: registered, approved by quality for flashing, or revoked for good. */
public enum ReleaseState {
    DRAFT,
    APPROVED,
    REVOKED
}
