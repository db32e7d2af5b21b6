package com.linetrace.trace.api;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.export.ExportReceipt;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The device history record of one unit, made on a person's request from trace's read model: as a PDF to print and
 * sign, or as the JSON document {@link DeviceHistoryRecord} for other systems. Each record handed out is an audit
 * action ({@code DeviceHistoryRecordExported} on {@code linetrace.audit-actions.v1}: who, which unit, which format,
 * the document's SHA-256). The caller needs QUALITY, SUPERVISOR, MANAGER, ENGINEER or ADMIN (no equipment, no
 * operator). Refusals: 404 {@code unknown-serial} ({@link UnknownSerialException}), 400 {@code malformed-serial};
 * in offline mode 403 {@code export-refused-offline} for a record handed out (write it to the export folder instead).
 */
@HttpExchange("/api/trace/units")
public interface DeviceHistoryRecords {

    /** The record as an A4 PDF ({@code application/pdf}, an attachment named {@code dhr-<serial>.pdf}). */
    @GetExchange(url = "/{serial}/dhr.pdf", accept = "application/pdf")
    ResponseEntity<Resource> pdf(@PathVariable("serial") Serial serial);

    /**
     * The record as JSON ({@code application/json}, an attachment named {@code dhr-<serial>.json}): one
     * {@link DeviceHistoryRecord}, every field always present (null when unknown), fields in the record's order.
     */
    @GetExchange(url = "/{serial}/dhr.json", accept = "application/json")
    ResponseEntity<Resource> json(@PathVariable("serial") Serial serial);

    /**
     * Writes the record as PDF to the plant's export folder ({@code linetrace.offline.export-dir}) instead of handing
     * it out: the one way it leaves in offline mode. 409 {@code export-folder-not-configured} without a folder.
     */
    @PostExchange("/{serial}/dhr.pdf/export")
    ExportReceipt exportPdf(@PathVariable("serial") Serial serial);

    /** As {@link #exportPdf}, the JSON document. */
    @PostExchange("/{serial}/dhr.json/export")
    ExportReceipt exportJson(@PathVariable("serial") Serial serial);
}
