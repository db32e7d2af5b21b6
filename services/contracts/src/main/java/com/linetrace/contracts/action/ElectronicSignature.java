package com.linetrace.contracts.action;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Text;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person signed a decision electronically, having re-entered their password: the signed record, as 21 CFR 11.50
 * asks it to show, the printed name of the signer, when and what the signature means. Who signed is also the
 * envelope's actor (their user name); the owning service writes it in the same transaction as the decision, so a
 * decision taken is signed and a signature is of a decision taken.
 *
 * @param action what was decided
 * @param subject what the decision is about: a serial, a release id, a model and route version
 * @param serial the unit, when the decision is about one (the ledger files the entry with the unit's)
 * @param printedName the signer's name as printed on the record
 * @param meaning what the signer states the signature means
 * @param signedAt when the signature was made
 * @param reason why, in the signer's words
 */
public record ElectronicSignature(
        SignedAction action,
        String subject,
        @Nullable String serial,
        String printedName,
        SignatureMeaning meaning,
        Instant signedAt,
        @Nullable String reason)
        implements AuditAction {

    public ElectronicSignature {
        Objects.requireNonNull(action, "action");
        Text.require("subject", subject, Text.ID);
        if (serial != null) {
            Serial.parse(serial);
        }
        Text.require("printedName", printedName, Text.NAME);
        if (subject.isBlank() || printedName.isBlank()) {
            throw new IllegalArgumentException("A signature names its subject and its signer");
        }
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(signedAt, "signedAt");
        if (reason != null) {
            Text.require("reason", reason, Text.REASON);
        }
    }
}
