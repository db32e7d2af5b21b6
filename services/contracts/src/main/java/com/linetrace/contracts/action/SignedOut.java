package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;

/**
 * A person's session ended: they signed out, or it timed out. Who, when and from where are the envelope's actor,
 * occurred-at and origin.
 *
 * @param username who was signed out
 * @param how {@code signed-out} (the person chose to) or {@code timed-out}
 */
public record SignedOut(String username, String how) implements AuditAction {

    public SignedOut {
        Text.require("username", username, Text.ID);
        Text.require("how", how, Text.ID);
    }
}
