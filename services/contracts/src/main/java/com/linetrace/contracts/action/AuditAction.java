package com.linetrace.contracts.action;

import java.util.Map;

/** Something a person did that the audit ledger keeps. The body of an event on {@code linetrace.audit-actions.v1}. */
public sealed interface AuditAction
        permits DeadLetterReplayed,
                DeadLetterDiscarded,
                TraceExported,
                DeviceHistoryRecordExported,
                AuditLedgerBroken,
                FirmwareRegistered,
                FirmwareApproved,
                FirmwareRevoked,
                MasterDataChanged,
                DataExported,
                ElectronicSignature,
                ElectronicSignatureRefused,
                SignedIn,
                SignedOut,
                SignInFailed,
                UserCreated,
                UserChanged,
                UserRemoved,
                AuditEntryExported,
                AuditCheckpointRequested,
                AuditLedgerVerified {

    int SCHEMA_VERSION = 1;

    /** The stable wire names; a test checks that every permitted type has one. */
    Map<String, Class<? extends AuditAction>> TYPES = Map.ofEntries(
            Map.entry("DeadLetterReplayed", DeadLetterReplayed.class),
            Map.entry("DeadLetterDiscarded", DeadLetterDiscarded.class),
            Map.entry("TraceExported", TraceExported.class),
            Map.entry("DeviceHistoryRecordExported", DeviceHistoryRecordExported.class),
            Map.entry("AuditLedgerBroken", AuditLedgerBroken.class),
            Map.entry("FirmwareRegistered", FirmwareRegistered.class),
            Map.entry("FirmwareApproved", FirmwareApproved.class),
            Map.entry("FirmwareRevoked", FirmwareRevoked.class),
            Map.entry("MasterDataChanged", MasterDataChanged.class),
            Map.entry("DataExported", DataExported.class),
            Map.entry("ElectronicSignature", ElectronicSignature.class),
            Map.entry("ElectronicSignatureRefused", ElectronicSignatureRefused.class),
            Map.entry("SignedIn", SignedIn.class),
            Map.entry("SignedOut", SignedOut.class),
            Map.entry("SignInFailed", SignInFailed.class),
            Map.entry("UserCreated", UserCreated.class),
            Map.entry("UserChanged", UserChanged.class),
            Map.entry("UserRemoved", UserRemoved.class),
            Map.entry("AuditEntryExported", AuditEntryExported.class),
            Map.entry("AuditCheckpointRequested", AuditCheckpointRequested.class),
            Map.entry("AuditLedgerVerified", AuditLedgerVerified.class));

    AuditActionCodec CODEC = new AuditActionCodec(TYPES);
}
