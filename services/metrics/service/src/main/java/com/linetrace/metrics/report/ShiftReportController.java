package com.linetrace.metrics.report;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.metrics.api.ShiftCalendarInfo;
import com.linetrace.metrics.api.ShiftReport;
import com.linetrace.metrics.api.ShiftReports;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link ShiftReports} over HTTP. The mappings are the interface's own, so the server and its remote clients cannot
 * disagree on a path; the roles named here are checked before the body is read, and again by the service, which
 * records each document's export.
 */
@RestController
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ADMIN})
class ShiftReportController implements ShiftReports {

    private final ShiftReports reports;

    ShiftReportController(ShiftReports reports) {
        this.reports = reports;
    }

    @Override
    public ShiftCalendarInfo shifts() {
        return reports.shifts();
    }

    @Override
    public List<String> lines() {
        return reports.lines();
    }

    @Override
    public ShiftReport report(LineId line, LocalDate date, String shift) {
        return reports.report(line, date, shift);
    }

    @Override
    public ResponseEntity<Resource> csv(LineId line, LocalDate date, String shift) {
        return reports.csv(line, date, shift);
    }

    @Override
    public ResponseEntity<Resource> pdf(LineId line, LocalDate date, String shift) {
        return reports.pdf(line, date, shift);
    }

    @Override
    public ExportReceipt exportCsv(LineId line, LocalDate date, String shift) {
        return reports.exportCsv(line, date, shift);
    }

    @Override
    public ExportReceipt exportPdf(LineId line, LocalDate date, String shift) {
        return reports.exportPdf(line, date, shift);
    }
}
