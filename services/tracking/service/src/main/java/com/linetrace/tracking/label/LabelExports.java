package com.linetrace.tracking.label;

import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.tracking.AuditTrail;
import com.linetrace.web.export.ExportDesk;
import java.util.function.Supplier;

/**
 * How a sheet of labels leaves tracking: handed to the person who asked (not in offline mode), or written to the
 * plant's export folder; either way an audit action says who, which sheet and how many labels, with the PDF's
 * SHA-256.
 */
public class LabelExports {

    private final ExportDesk desk;
    private final AuditTrail audit;

    LabelExports(ExportDesk desk, AuditTrail audit) {
        this.desk = desk;
        this.audit = audit;
    }

    /** A sheet: what it is ({@code work-order-labels}), of what ({@code workOrder=WO-000042}), its labels and file. */
    public record Sheet(String export, String query, int labels, String filename) {}

    /**
     * The sheet's PDF for the person who asked, recorded first.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@code export-refused-offline} in offline mode
     */
    public byte[] handOut(Sheet sheet, Supplier<byte[]> pdf) {
        desk.requireHandOut("the " + sheet.filename() + " sheet");
        var document = pdf.get();
        audit.record(new DataExported(
                sheet.export(), "pdf", sheet.query(), sheet.labels(), ExportDesk.sha256(document), null));
        return PdfAnswer.inline(sheet.filename(), document);
    }

    /** Writes the sheet's PDF to the export folder and records it; the file goes again if the record cannot be made. */
    public ExportReceipt toFolder(Sheet sheet, Supplier<byte[]> pdf) {
        var receipt = desk.toFolder(sheet.filename(), pdf.get());
        try {
            audit.record(new DataExported(
                    sheet.export(), "pdf", sheet.query(), sheet.labels(), receipt.sha256(), receipt.file()));
        } catch (RuntimeException e) {
            desk.withdraw(receipt);
            throw e;
        }
        return receipt;
    }
}
