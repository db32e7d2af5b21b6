package com.linetrace.trace.api;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An electronic signature on a decision about a unit, as the record shows it: the printed name of the signer, when,
 * and what the signature means, read from the signature's own entry in the audit ledger.
 *
 * @param eventId the signature's event, whose ledger entry the record carries with its proof
 * @param action what was signed ({@code UNIT_RELEASE}, {@code UNIT_SCRAP}…)
 * @param signer the signer's user name
 * @param printedName the signer's printed name
 * @param meaning {@code APPROVED}, {@code REVIEWED} or {@code RESPONSIBLE}
 * @param reason why, in the signer's words
 */
public record SignatureRecord(
        UUID eventId,
        String action,
        String subject,
        String signer,
        String printedName,
        String meaning,
        Instant signedAt,
        @Nullable String reason) {}
