package com.linetrace.trace.dhr;

import com.linetrace.trace.api.DeviceHistoryRecord;
import com.linetrace.trace.api.OperationParts;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A device history record as an A4 landscape PDF, from the same {@link DeviceHistoryRecord} the JSON is: identity,
 * operations, parts (sub-assemblies indented under their part), firmware, device key with its certificate, holds and
 * provisioning's verdicts. Every value is printed as plain text in the PDF's standard fonts (nothing is parsed as
 * markup, no font or image is fetched); times in UTC.
 */
final class DhrPdf {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font SECTION = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font HEAD = new Font(Font.HELVETICA, 7, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 7);
    private static final Font CODE = new Font(Font.COURIER, 6.5f);
    private static final Font SMALL = new Font(Font.HELVETICA, 6.5f);

    private DhrPdf() {}

    static byte[] render(DeviceHistoryRecord record) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4.rotate(), 28, 28, 28, 36);
        PdfWriter.getInstance(document, out);
        var unit = record.unit();
        document.addTitle("Device history record " + unit.serial());
        document.addCreator("LineTrace");
        var footer = new HeaderFooter(
                new Phrase(
                        "Device history record of " + unit.serial() + " · made " + time(record.generatedAt()) + " by "
                                + record.generatedBy() + " · " + record.schema() + " · page ",
                        SMALL),
                true);
        footer.setBorder(Rectangle.TOP);
        footer.setAlignment(Element.ALIGN_CENTER);
        document.setFooter(footer);
        document.open();

        document.add(new Paragraph("Device history record · " + unit.serial(), TITLE));
        var identity = table(new float[] {1, 2, 1, 2, 1, 2});
        pair(identity, "Serial", unit.serial(), CODE);
        pair(identity, "Model", unit.model(), CELL);
        pair(identity, "Route version", unit.routeVersion() == null ? null : "v" + unit.routeVersion(), CELL);
        pair(identity, "Work order", unit.workOrder(), CELL);
        pair(identity, "Line", unit.line(), CELL);
        pair(identity, "Status", unit.status().name() + (unit.held() ? " (held)" : ""), CELL);
        pair(identity, "First event", time(unit.firstSeenAt()), CELL);
        pair(identity, "Latest event", time(unit.lastEventAt()), CELL);
        pair(identity, "Plant", record.plant(), CELL);
        document.add(identity);

        section(document, "Operations");
        var operations = table(
                new float[] {0.5f, 2, 1, 1, 1.4f, 1.4f, 0.7f, 2, 1.4f},
                "Op",
                "Operation",
                "Station",
                "Operator",
                "Arrived",
                "Completed",
                "Result",
                "Defects",
                "Departed");
        for (var op : record.operations()) {
            cells(
                    operations,
                    op.operation() + (op.rework() ? " R" : ""),
                    op.operationName(),
                    op.station(),
                    op.operator(),
                    time(op.arrivedAt()),
                    time(op.completedAt()),
                    op.result(),
                    String.join(", ", op.defects()),
                    time(op.departedAt()));
        }
        none(document, operations, record.operations(), "No operation recorded.");

        section(document, "Parts");
        var parts = table(
                new float[] {0.5f, 2, 1.5f, 1.8f, 0.8f, 0.5f, 0.8f, 1, 1.4f},
                "Op",
                "Part number",
                "Lot",
                "Serial",
                "Ref. des.",
                "Qty",
                "Station",
                "By",
                "Installed");
        var rows = parts(parts, record.parts(), 0);
        if (record.genealogyTruncated()) {
            parts.addCell(span("Sub-assemblies deeper than this were not opened.", 9));
        }
        none(document, parts, rows == 0 ? List.of() : record.parts(), "No part recorded.");

        section(document, "Firmware");
        var firmware = table(
                new float[] {1.3f, 0.8f, 0.8f, 4.3f, 2.6f, 0.8f, 1.3f, 1.2f},
                "Module",
                "Model",
                "Version",
                "SHA-256",
                "Release",
                "Fixture",
                "Verified",
                "Revoked");
        for (var fw : record.firmware()) {
            cells(firmware, fw.module().name(), fw.model(), fw.version());
            firmware.addCell(cell(fw.sha256(), CODE));
            firmware.addCell(cell(fw.releaseId().toString(), CODE));
            cells(firmware, fw.fixtureId(), time(fw.verifiedAt()), fw.revokedReason());
        }
        none(document, firmware, record.firmware(), "No verified firmware.");

        section(document, "Device key");
        var key = record.key();
        if (key == null) {
            document.add(new Paragraph("No device key reported.", CELL));
        } else {
            var keyTable = table(new float[] {1, 5});
            pair(keyTable, "Fingerprint (SHA-256)", key.fingerprint(), CODE);
            pair(keyTable, "Certificate subject", key.subject(), CELL);
            pair(keyTable, "Issuer", key.issuer(), CELL);
            pair(keyTable, "Secure element", key.secureElementId(), CELL);
            pair(keyTable, "Purpose", key.keyPurpose(), CELL);
            pair(keyTable, "Station", key.station(), CELL);
            pair(keyTable, "Reported", time(key.reportedAt()), CELL);
            pair(
                    keyTable,
                    "Verdict",
                    key.verified()
                            ? "verified"
                            : "not verified " + text(key.rejectionCode()) + " " + text(key.rejectionReason()),
                    CELL);
            pair(keyTable, "Certificate", key.certificatePem(), CODE);
            document.add(keyTable);
        }

        section(document, "Holds, releases and scrap");
        var holds = table(new float[] {0.8f, 5, 1, 1, 1.4f}, "What", "Why", "Who", "Station", "When");
        for (var hold : record.holds()) {
            cells(holds, hold.kind(), hold.reason(), hold.actor(), hold.station(), time(hold.at()));
        }
        none(document, holds, record.holds(), "Never held.");

        section(document, "Provisioning verdicts");
        var verdicts = table(
                new float[] {1.5f, 1.3f, 0.7f, 0.8f, 1.2f, 0.7f, 3.4f, 1.3f, 2},
                "Verdict",
                "When",
                "Station",
                "By",
                "Module",
                "Version",
                "SHA-256 / key fingerprint",
                "Code",
                "Reason");
        for (var p : record.provisioning()) {
            cells(verdicts, p.type(), time(p.occurredAt()), p.station(), p.actor(), p.module(), p.version());
            verdicts.addCell(cell(p.sha256() != null ? p.sha256() : p.fingerprint(), CODE));
            cells(verdicts, p.code(), p.reason());
        }
        none(document, verdicts, record.provisioning(), "No verdict of provisioning.");

        section(document, "Electronic signatures");
        var signatures = table(
                new float[] {1.3f, 1.5f, 1, 1.1f, 1.4f, 3}, "Signed", "Printed name", "User", "Meaning", "When", "Why");
        for (var signature : record.signatures()) {
            cells(
                    signatures,
                    signature.action(),
                    signature.printedName(),
                    signature.signer(),
                    signature.meaning(),
                    time(signature.signedAt()),
                    signature.reason());
        }
        none(document, signatures, record.signatures(), "No decision about this unit was signed.");

        section(document, "Audit ledger");
        var ledger = record.ledger();
        var proof = table(new float[] {1, 5});
        if (ledger == null) {
            pair(proof, "Proof", "This record was made without the audit ledger: it carries no proof.", CELL);
        } else {
            pair(proof, "Log", ledger.checkpoint().origin(), CELL);
            pair(proof, "Tree size", Long.toString(ledger.checkpoint().treeSize()), CELL);
            pair(proof, "Root hash", ledger.checkpoint().rootHash(), CODE);
            pair(proof, "Entries of the unit", Integer.toString(ledger.entries().size()), CELL);
            pair(
                    proof,
                    "Verify",
                    "java -jar linetrace-audit-verifier-*-cli.jar verify-dhr KEY dhr-"
                            + record.unit().serial() + ".json (the JSON record carries the proofs)",
                    CELL);
        }
        document.add(proof);

        document.close();
        return out.toByteArray();
    }

    /** The parts of a unit, each sub-assembly's own parts under it, indented one step per level. */
    private static int parts(PdfPTable table, List<OperationParts> operations, int level) {
        var rows = 0;
        var indent = "  ".repeat(level) + (level > 0 ? "> " : "");
        for (var op : operations) {
            for (var part : op.parts()) {
                cells(
                        table,
                        indent + op.operation(),
                        indent + part.partNumber(),
                        part.lot(),
                        part.partSerial(),
                        part.referenceDesignator(),
                        String.valueOf(part.quantity()),
                        part.station(),
                        part.actor(),
                        time(part.installedAt()));
                rows++;
                var sub = part.subAssembly();
                if (sub != null) {
                    rows += parts(table, sub.operations(), level + 1);
                }
            }
        }
        return rows;
    }

    private static void section(Document document, String title) {
        var heading = new Paragraph(title, SECTION);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(3);
        document.add(heading);
    }

    private static void none(Document document, PdfPTable table, List<?> rows, String whenNone) {
        if (rows.isEmpty()) {
            document.add(new Paragraph(whenNone, CELL));
        } else {
            document.add(table);
        }
    }

    private static PdfPTable table(float[] widths, String... headers) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        for (var header : headers) {
            var cell = cell(header, HEAD);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        if (headers.length > 0) {
            table.setHeaderRows(1);
        }
        return table;
    }

    private static void pair(PdfPTable table, String name, @Nullable String value, Font font) {
        table.addCell(cell(name, HEAD));
        table.addCell(cell(value, font));
    }

    private static void cells(PdfPTable table, @Nullable String... values) {
        for (var value : values) {
            table.addCell(cell(value, CELL));
        }
    }

    private static PdfPCell cell(@Nullable String value, Font font) {
        var cell = new PdfPCell(new Phrase(new Chunk(text(value), font)));
        cell.setPadding(2);
        return cell;
    }

    private static PdfPCell span(String value, int columns) {
        var cell = cell(value, SMALL);
        cell.setColspan(columns);
        return cell;
    }

    private static String text(@Nullable String value) {
        return Objects.requireNonNullElse(value, "–");
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "–" : TIME.format(at);
    }
}
