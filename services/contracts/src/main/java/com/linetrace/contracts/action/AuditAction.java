package com.linetrace.contracts.action;

import java.util.Map;

/** Something a person did that the audit ledger keeps. The body of an event on {@code linetrace.audit-actions.v1}. */
public sealed interface AuditAction
        permits DeadLetterReplayed,
                DeadLetterDiscarded,
                TraceExported,
                DeviceHistoryRecordExported,
                AuditLedgerBroken,
                ElectronicSignature,
                ElectronicSignatureRefused,
                AuditEntryExported {

    int SCHEMA_VERSION = 1;

    /** The stable wire names; a test checks that every permitted type has one. */
    Map<String, Class<? extends AuditAction>> TYPES = Map.of(
            "DeadLetterReplayed", DeadLetterReplayed.class,
            "DeadLetterDiscarded", DeadLetterDiscarded.class,
            "TraceExported", TraceExported.class,
            "DeviceHistoryRecordExported", DeviceHistoryRecordExported.class,
            "AuditLedgerBroken", AuditLedgerBroken.class,
            "ElectronicSignature", ElectronicSignature.class,
            "ElectronicSignatureRefused", ElectronicSignatureRefused.class,
            "AuditEntryExported", AuditEntryExported.class);

    AuditActionCodec CODEC = new AuditActionCodec(TYPES);
}
