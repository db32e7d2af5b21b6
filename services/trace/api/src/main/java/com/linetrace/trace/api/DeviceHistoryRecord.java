package com.linetrace.trace.api;

import com.linetrace.audit.api.UnitProofs;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The device history record of one unit as a JSON document ({@link DeviceHistoryRecords#json}): everything trace
 * recorded of the unit, as {@link UnitTrace} answers it at the moment the record is made, the electronic signatures
 * on decisions about it, and its entries in the audit ledger with their inclusion proofs against a signed checkpoint,
 * which the standalone verifier checks offline ({@code verify-dhr}). Its shape is stable: a field is never renamed,
 * retyped or removed within a {@link #schema} version; new fields may be added at the end, so readers ignore fields
 * they do not know. Times are ISO-8601 instants
 * (UTC); a field without a value is present as {@code null}; lists are never null.
 *
 * @param schema {@value #SCHEMA}
 * @param plant the plant's id
 * @param generatedAt when the record was made
 * @param generatedBy who asked for it (the signed-in person's name)
 * @param unit identity, model, work order, route version and where the unit stands ({@link UnitTrace#unit})
 * @param operations every visit to a station, oldest first: station, operator, times, result, defects
 *     ({@link UnitTrace#operations})
 * @param parts the parts by operation: part number, lot, own serial, reference designator where the route names
 *     one, and a sub-assembly's own genealogy ({@link Genealogy#operations()})
 * @param firmware the verified firmware per module: release, version, SHA-256 ({@link Genealogy#firmware()})
 * @param key the device key: fingerprint, certificate subject, issuer and PEM ({@link Genealogy#key()})
 * @param genealogyTruncated whether a sub-assembly's tree was cut at {@link Genealogy#MAX_DEPTH}
 * @param holds every hold, release and scrap with who and why, oldest first ({@link UnitTrace#holds})
 * @param provisioning every verdict of provisioning, rejections and revocations too ({@link UnitTrace#provisioning})
 * @param signatures the electronic signatures on decisions about the unit (release, scrap), oldest first, each one of
 *     the ledger entries below
 * @param ledger the unit's audit entries with their inclusion proofs against one signed checkpoint; null only where
 *     trace runs with no audit ledger bound (neither in the process nor at {@code linetrace.trace.audit-url})
 */
public record DeviceHistoryRecord(
        String schema,
        String plant,
        Instant generatedAt,
        String generatedBy,
        UnitSummary unit,
        List<OperationRecord> operations,
        List<OperationParts> parts,
        List<ModuleFirmware> firmware,
        @Nullable DeviceKey key,
        boolean genealogyTruncated,
        List<HoldRecord> holds,
        List<ProvisioningRecord> provisioning,
        List<SignatureRecord> signatures,
        @Nullable UnitProofs ledger) {

    /** The document's schema name and version. */
    public static final String SCHEMA = "linetrace.device-history-record.v1";

    public DeviceHistoryRecord {
        operations = List.copyOf(operations);
        parts = List.copyOf(parts);
        firmware = List.copyOf(firmware);
        holds = List.copyOf(holds);
        provisioning = List.copyOf(provisioning);
        signatures = List.copyOf(signatures);
    }
}
