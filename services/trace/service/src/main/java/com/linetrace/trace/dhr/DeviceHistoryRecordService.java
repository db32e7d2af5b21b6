package com.linetrace.trace.dhr;

import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.UnitProofs;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DeviceHistoryRecordExported;
import com.linetrace.contracts.action.ElectronicSignature;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.messaging.Outbox;
import com.linetrace.trace.api.DeviceHistoryRecord;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.SignatureRecord;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.web.ClientOrigin;
import com.linetrace.web.export.ExportDesk;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process binding of {@link DeviceHistoryRecords}: reads the unit through {@link UnitTrace} in one snapshot of
 * the read model, adds the unit's entries of the audit ledger with their inclusion proofs (and the signatures among
 * them), renders it, and records the export (who, which unit, which format, the bytes' SHA-256) on the audit topic
 * through trace's outbox before handing the document over, or after writing it to the plant's export folder. In
 * offline mode nothing is handed over.
 */
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class DeviceHistoryRecordService implements DeviceHistoryRecords {

    /** The document's bytes: field order as the record declares it, every field present, indented to be read. */
    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final UnitTrace units;
    private final Supplier<@Nullable AuditLedger> ledger;
    private final Outbox outbox;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate writes;
    private final Clock clock;
    private final String plant;
    private final ExportDesk exports;

    DeviceHistoryRecordService(
            UnitTrace units,
            Supplier<@Nullable AuditLedger> ledger,
            Outbox outbox,
            PlatformTransactionManager transactions,
            Clock clock,
            String plant,
            ExportDesk exports) {
        this.exports = exports;
        this.units = units;
        this.ledger = ledger;
        this.outbox = outbox;
        // Five queries, one unit: read in one snapshot, so that an event arriving meanwhile cannot show in one
        // section of the record and not in another.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writes = new TransactionTemplate(transactions);
        this.clock = clock;
        this.plant = plant;
    }

    @Override
    public ResponseEntity<Resource> pdf(Serial serial) {
        exports.requireHandOut("the device history record of " + serial);
        var record = record(serial);
        return handOut(record, "pdf", DhrPdf.render(record), MediaType.APPLICATION_PDF);
    }

    @Override
    public ResponseEntity<Resource> json(Serial serial) {
        exports.requireHandOut("the device history record of " + serial);
        var record = record(serial);
        return handOut(record, "json", JSON.writeValueAsBytes(record), MediaType.APPLICATION_JSON);
    }

    @Override
    public ExportReceipt exportPdf(Serial serial) {
        var record = record(serial);
        return toFolder(record, "pdf", DhrPdf.render(record));
    }

    @Override
    public ExportReceipt exportJson(Serial serial) {
        var record = record(serial);
        return toFolder(record, "json", JSON.writeValueAsBytes(record));
    }

    /** The record of one unit as the read model holds it now. */
    DeviceHistoryRecord record(Serial serial) {
        var actor = caller();
        var read = Objects.requireNonNull(snapshot.execute(status -> {
            var unit = units.unit(serial);
            var genealogy = units.genealogy(serial);
            return new DeviceHistoryRecord(
                    DeviceHistoryRecord.SCHEMA,
                    plant,
                    clock.instant(),
                    actor,
                    unit,
                    units.operations(serial),
                    genealogy.operations(),
                    genealogy.firmware(),
                    genealogy.key(),
                    genealogy.truncated(),
                    units.holds(serial),
                    units.provisioning(serial),
                    List.of(),
                    null);
        }));
        // After the snapshot, not in it: the ledger may sign a checkpoint, which a read-only transaction cannot.
        var proofs = proofs(serial);
        return new DeviceHistoryRecord(
                read.schema(),
                read.plant(),
                read.generatedAt(),
                read.generatedBy(),
                read.unit(),
                read.operations(),
                read.parts(),
                read.firmware(),
                read.key(),
                read.genealogyTruncated(),
                read.holds(),
                read.provisioning(),
                proofs == null ? List.of() : signatures(proofs),
                proofs);
    }

    private @Nullable UnitProofs proofs(Serial serial) {
        var bound = ledger.get();
        return bound == null ? null : bound.unitProofs(serial.value());
    }

    /** The signatures among the unit's entries, read from their events, whose hashes the entries hold. */
    private static List<SignatureRecord> signatures(UnitProofs proofs) {
        return proofs.entries().stream()
                .map(entry -> action(entry.event()))
                .filter(event -> event != null && event.body() instanceof ElectronicSignature)
                .map(Objects::requireNonNull)
                .map(event -> {
                    var signature = (ElectronicSignature) event.body();
                    return new SignatureRecord(
                            event.eventId(),
                            signature.action().name(),
                            signature.subject(),
                            event.actor(),
                            signature.printedName(),
                            signature.meaning().name(),
                            signature.signedAt(),
                            signature.reason());
                })
                .toList();
    }

    /** A person's action as its event says it; one of a type this trace does not know yet is not a signature. */
    private static @Nullable AuditActionEvent action(@Nullable String event) {
        if (event == null) {
            return null;
        }
        try {
            return AuditAction.CODEC.decode(event.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedEventException e) {
            return null;
        }
    }

    private ResponseEntity<Resource> handOut(
            DeviceHistoryRecord record, String format, byte[] document, MediaType type) {
        var serial = record.unit().serial();
        exported(record, format, ExportDesk.sha256(document), document.length, null);
        var headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentLength(document.length);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("dhr-" + serial + "." + format)
                .build());
        return ResponseEntity.ok().headers(headers).body(new ByteArrayResource(document));
    }

    /** Writes the record to the export folder, then records it; the file goes again if the record cannot be made. */
    private ExportReceipt toFolder(DeviceHistoryRecord record, String format, byte[] document) {
        var receipt = exports.toFolder("dhr-" + record.unit().serial() + "." + format, document);
        try {
            exported(record, format, receipt.sha256(), receipt.bytes(), receipt.file());
        } catch (RuntimeException e) {
            exports.withdraw(receipt);
            throw e;
        }
        return receipt;
    }

    /** The export on the audit topic through trace's outbox: who, from where, which unit, format and digest. */
    private void exported(DeviceHistoryRecord record, String format, String sha256, long bytes, @Nullable String file) {
        var action = new DeviceHistoryRecordExported(record.unit().serial(), format, sha256, bytes, file);
        var now = clock.instant();
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                now,
                plant,
                record.generatedBy(),
                ClientOrigin.current(),
                action);
        writes.executeWithoutResult(status -> outbox.append(
                Topics.AUDIT_ACTIONS,
                record.generatedBy(),
                event.eventId(),
                AuditAction.CODEC.typeOf(action),
                AuditAction.CODEC.encode(event),
                now));
    }

    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("No one is signed in");
        }
        return authentication.getName();
    }
}
