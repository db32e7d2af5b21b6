package com.linetrace.metrics.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.export.ExportReceipt;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * A line's shift report, made by metrics from the events on request: as JSON (what the page shows), and as CSV or PDF
 * documents. Each document handed out or written to the export folder is an audit action ({@code DataExported} on
 * {@code linetrace.audit-actions.v1}: who, from where, which line, day and shift, the format, the document's
 * SHA-256); in offline mode a document is never handed out (403 {@code export-refused-offline}), only written to the
 * export folder. The caller needs SUPERVISOR, MANAGER, QUALITY or ADMIN. Refusals: 404 {@code unknown-line}
 * ({@link UnknownLineException}), 404 {@code unknown-shift} (no such shift in the calendar, or a day before 2000),
 * 409 {@code shift-not-started}, 400 {@code invalid-id} (not a line id), 400 {@code invalid-parameter} (not a
 * {@code yyyy-MM-dd} date).
 */
@HttpExchange("/api/metrics")
public interface ShiftReports {

    /** The plant's shift calendar: what a shift report can be asked for. */
    @GetExchange("/shifts")
    ShiftCalendarInfo shifts();

    /** The lines metrics has events of, by id: what a shift report can be asked for. */
    @GetExchange("/lines")
    List<String> lines();

    /** The report of the shift {@code shift} that starts on {@code date} (the plant's time zone). */
    @GetExchange("/lines/{line}/shifts/{date}/{shift}/report")
    ShiftReport report(
            @PathVariable("line") LineId line,
            @PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable("shift") String shift);

    /**
     * The report as CSV ({@code text/csv}, an attachment): one header line {@code section,subject,measure,value},
     * then one line per figure.
     */
    @GetExchange(url = "/lines/{line}/shifts/{date}/{shift}/report.csv", accept = "text/csv")
    ResponseEntity<Resource> csv(
            @PathVariable("line") LineId line,
            @PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable("shift") String shift);

    /** The report as an A4 PDF ({@code application/pdf}, an attachment). */
    @GetExchange(url = "/lines/{line}/shifts/{date}/{shift}/report.pdf", accept = "application/pdf")
    ResponseEntity<Resource> pdf(
            @PathVariable("line") LineId line,
            @PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable("shift") String shift);

    /**
     * Writes the CSV to the plant's export folder ({@code linetrace.offline.export-dir}) instead of handing it out:
     * the one way it leaves in offline mode. 409 {@code export-folder-not-configured} without a folder.
     */
    @PostExchange("/lines/{line}/shifts/{date}/{shift}/report.csv/export")
    ExportReceipt exportCsv(
            @PathVariable("line") LineId line,
            @PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable("shift") String shift);

    /** As {@link #exportCsv}, the PDF. */
    @PostExchange("/lines/{line}/shifts/{date}/{shift}/report.pdf/export")
    ExportReceipt exportPdf(
            @PathVariable("line") LineId line,
            @PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable("shift") String shift);
}
