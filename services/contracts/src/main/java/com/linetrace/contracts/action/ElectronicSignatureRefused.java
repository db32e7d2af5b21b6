package com.linetrace.contracts.action;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person's electronic signature was refused, and the decision not taken: they may not sign it, or the password they
 * re-entered was not theirs. Who tried is the envelope's actor. Never the password itself.
 *
 * @param action what they tried to sign
 * @param subject what it was about
 * @param serial the unit, when it was about one
 * @param refusal why the signature was refused
 */
public record ElectronicSignatureRefused(
        SignedAction action, String subject, @Nullable String serial, Refusal refusal) implements AuditAction {

    /** Why a signature is refused. */
    public enum Refusal {
        /** The person's roles do not allow them to sign this decision. */
        NOT_ALLOWED,
        /** The password re-entered is not the signer's (or they are locked out or disabled). */
        WRONG_PASSWORD
    }

    public ElectronicSignatureRefused {
        Objects.requireNonNull(action, "action");
        Text.require("subject", subject, Text.ID);
        if (serial != null) {
            Serial.parse(serial);
        }
        Objects.requireNonNull(refusal, "refusal");
    }
}
