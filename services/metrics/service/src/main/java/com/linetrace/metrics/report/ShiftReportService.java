package com.linetrace.metrics.report;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.messaging.Outbox;
import com.linetrace.metrics.MetricsSettings;
import com.linetrace.metrics.andon.Andon;
import com.linetrace.metrics.api.LinePerformance.HourlyOutput;
import com.linetrace.metrics.api.LinePerformance.Output;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.ShiftCalendarInfo;
import com.linetrace.metrics.api.ShiftReport;
import com.linetrace.metrics.api.ShiftReport.Stoppage;
import com.linetrace.metrics.api.ShiftReports;
import com.linetrace.metrics.api.UnknownLineException;
import com.linetrace.metrics.line.Plan;
import com.linetrace.metrics.shift.ShiftCalendar;
import com.linetrace.web.ClientOrigin;
import com.linetrace.web.export.ExportDesk;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
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

/**
 * The in-process binding of {@link ShiftReports}: a shift of a line read from the metrics schema in one snapshot, so
 * that its figures agree with each other; a document of it is recorded on the audit topic through metrics' outbox
 * ({@code DataExported}) before it is handed over, or after it was written to the export folder. In offline mode
 * nothing is handed over.
 */
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ADMIN})
class ShiftReportService implements ShiftReports {

    static final String EXPORT = "shift-report";

    /** Reports of days before this are refused: no plant ran LineTrace then, and time arithmetic stays bounded. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReportReads reads;
    private final ShiftCalendar calendar;
    private final Andon andon;
    private final MetricsSettings settings;
    private final Outbox outbox;
    private final ExportDesk exports;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate writes;
    private final Clock clock;

    ShiftReportService(
            ReportReads reads,
            ShiftCalendar calendar,
            Andon andon,
            MetricsSettings settings,
            Outbox outbox,
            ExportDesk exports,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.reads = reads;
        this.calendar = calendar;
        this.andon = andon;
        this.settings = settings;
        this.outbox = outbox;
        this.exports = exports;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writes = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public ShiftCalendarInfo shifts() {
        return new ShiftCalendarInfo(
                calendar.zone().getId(),
                calendar.shifts().stream()
                        .map(s -> new ShiftCalendarInfo.ShiftTimes(s.name(), s.start(), s.end()))
                        .toList());
    }

    @Override
    public java.util.List<String> lines() {
        return reads.lines();
    }

    @Override
    public ShiftReport report(LineId line, LocalDate date, String shift) {
        return Objects.requireNonNull(snapshot.execute(status -> make(line, date, shift)));
    }

    @Override
    public ResponseEntity<Resource> csv(LineId line, LocalDate date, String shift) {
        exports.requireHandOut("a shift report");
        var report = report(line, date, shift);
        return handOut(report, "csv", ShiftReportCsv.render(report), CSV);
    }

    @Override
    public ResponseEntity<Resource> pdf(LineId line, LocalDate date, String shift) {
        exports.requireHandOut("a shift report");
        var report = report(line, date, shift);
        return handOut(report, "pdf", ShiftReportPdf.render(report), MediaType.APPLICATION_PDF);
    }

    @Override
    public ExportReceipt exportCsv(LineId line, LocalDate date, String shift) {
        var report = report(line, date, shift);
        return toFolder(report, "csv", ShiftReportCsv.render(report));
    }

    @Override
    public ExportReceipt exportPdf(LineId line, LocalDate date, String shift) {
        var report = report(line, date, shift);
        return toFolder(report, "pdf", ShiftReportPdf.render(report));
    }

    private ShiftReport make(LineId lineId, LocalDate date, String name) {
        var line = lineId.value();
        if (date.isBefore(FIRST_DAY)) {
            throw MetricsProblem.UNKNOWN_SHIFT.exception("No shift report is made for a day before " + FIRST_DAY);
        }
        if (!reads.known(line)) {
            throw UnknownLineException.of(lineId);
        }
        // A date far in the future has no shift started: refused before any time arithmetic on it.
        var now = clock.instant();
        if (date.isAfter(LocalDate.ofInstant(now, calendar.zone()))) {
            throw MetricsProblem.SHIFT_NOT_STARTED.exception("The " + name + " shift of " + date + " has not started");
        }
        var shift = calendar.shift(date, name)
                .orElseThrow(() -> MetricsProblem.UNKNOWN_SHIFT.exception("The plant's shift calendar has no shift '"
                        + name + "' (its shifts: " + String.join(", ", shiftNames()) + ")"));
        if (!shift.start().isBefore(now)) {
            throw MetricsProblem.SHIFT_NOT_STARTED.exception(
                    "The " + shift.name() + " shift of " + date + " starts at " + shift.start() + ": not yet");
        }
        var start = shift.start();
        var end = shift.end();
        boolean over = !now.isBefore(end);
        var until = over ? end : now;

        var plan = new Plan(reads.workOrders(line, date), calendar);
        var done = reads.completions(line, start, end);
        var output = new Output(done.completed(), plan.planned(start, end), plan.planned(start, until));

        var hourStarts = new ArrayList<Instant>();
        hourStarts.add(start);
        for (var hour = calendar.startOfHour(start).plus(Duration.ofHours(1));
                hour.isBefore(end);
                hour = hour.plus(Duration.ofHours(1))) {
            hourStarts.add(hour);
        }
        var perHour = reads.completedPerHour(line, hourStarts, end);
        var hours = new ArrayList<HourlyOutput>(hourStarts.size());
        for (int i = 0; i < hourStarts.size(); i++) {
            var from = hourStarts.get(i);
            var to = i + 1 < hourStarts.size() ? hourStarts.get(i + 1) : end;
            hours.add(new HourlyOutput(from, perHour.getOrDefault(from, 0), plan.planned(from, to)));
        }

        var operations = reads.operations(line, start, end);
        Double rolled = null;
        for (var operation : operations) {
            if (operation.firstPassYield() != null) {
                rolled = (rolled == null ? 1.0 : rolled) * operation.firstPassYield();
            }
        }

        var stoppages = new ArrayList<Stoppage>();
        var stopped = Duration.ZERO;
        for (var stall : reads.stalls(line, start, until)) {
            var from = stall.since().isAfter(start) ? stall.since() : start;
            var stallEnd = stall.until() == null ? until : stall.until();
            var to = stallEnd.isBefore(until) ? stallEnd : until;
            var inShift = to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
            stoppages.add(new Stoppage(stall.alert(), stall.station(), stall.since(), stall.until(), inShift));
            stopped = stopped.plus(inShift);
        }

        return new ShiftReport(
                line,
                date,
                shift.name(),
                calendar.zone().getId(),
                start,
                end,
                now,
                over,
                output,
                hours,
                ReportReads.share(done.neverFailed(), done.completed()),
                rolled,
                operations,
                reads.stations(line, start, end),
                reads.topDefects(line, start, end, settings.topDefects()),
                stoppages,
                stopped,
                andon.during(line, start, until),
                reads.holds(line, start, until));
    }

    private java.util.List<String> shiftNames() {
        return calendar.shifts().stream().map(s -> s.name()).toList();
    }

    private ResponseEntity<Resource> handOut(ShiftReport report, String format, byte[] document, MediaType type) {
        exported(report, format, ExportDesk.sha256(document), null);
        var headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentLength(document.length);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(fileName(report, format))
                .build());
        return ResponseEntity.ok().headers(headers).body(new ByteArrayResource(document));
    }

    /** Writes the document to the export folder, then records it; the file goes again if the record cannot be made. */
    private ExportReceipt toFolder(ShiftReport report, String format, byte[] document) {
        var receipt = exports.toFolder(fileName(report, format), document);
        try {
            exported(report, format, receipt.sha256(), receipt.file());
        } catch (RuntimeException e) {
            exports.withdraw(receipt);
            throw e;
        }
        return receipt;
    }

    /** The file name a report's document is handed out as: line, day and shift. */
    static String fileName(ShiftReport report, String format) {
        return "shift-report-" + report.line() + "-" + report.date() + "-"
                + report.shift().replaceAll("[^A-Za-z0-9]", "") + "." + format;
    }

    /** The query a report's export is recorded with, in the words of its request. */
    static String query(ShiftReport report) {
        return "line=" + report.line() + "&date=" + report.date() + "&shift=" + report.shift();
    }

    /** The export on the audit topic through metrics' outbox: who, from where, which shift, the format and digest. */
    private void exported(ShiftReport report, String format, String sha256, @Nullable String file) {
        var actor = caller();
        var action = new DataExported(EXPORT, format, query(report), ShiftReportCsv.rows(report), sha256, file);
        var now = clock.instant();
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                now,
                settings.plant(),
                actor,
                ClientOrigin.current(),
                action);
        writes.executeWithoutResult(status -> outbox.append(
                Topics.AUDIT_ACTIONS,
                actor,
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
