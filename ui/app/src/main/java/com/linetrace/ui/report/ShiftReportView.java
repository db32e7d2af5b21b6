package com.linetrace.ui.report;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.LinePerformance.DefectCount;
import com.linetrace.metrics.api.LinePerformance.HourlyOutput;
import com.linetrace.metrics.api.ShiftReport;
import com.linetrace.metrics.api.ShiftReport.Hold;
import com.linetrace.metrics.api.ShiftReport.OperationYield;
import com.linetrace.metrics.api.ShiftReport.StationOutput;
import com.linetrace.metrics.api.ShiftReport.Stoppage;
import com.linetrace.metrics.api.ShiftReports;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.web.export.ExportDesk;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * A line's shift: pick the line, the day and the shift, and metrics' report shows output against plan per hour,
 * yield per operation and station, top defects, stoppages, andon alerts and holds; its CSV and PDF are downloaded (each
 * an audited export), or in offline mode written to the plant's export folder.
 */
@Route(value = "shift-report", layout = MainLayout.class)
@PageTitle("Shift report · LineTrace")
@Menu(order = 1.2, title = "Shift report")
@RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ADMIN})
class ShiftReportView extends VerticalLayout {

    private final ShiftReports reports;
    private final ZoneId zone;

    final ComboBox<String> lineSelect = new ComboBox<>("Line");
    final DatePicker dateField = new DatePicker("Day");
    final ComboBox<String> shiftSelect = new ComboBox<>("Shift");
    final Button show = new Button("Show");
    private final Answer message = new Answer("shift-report-message");
    final Span summary = new Span();
    final Anchor csv = new Anchor();
    final Anchor pdf = new Anchor();
    final Button csvToFolder = new Button("CSV to export folder");
    final Button pdfToFolder = new Button("PDF to export folder");
    final Grid<HourlyOutput> hours = new Grid<>();
    final Grid<OperationYield> operations = new Grid<>();
    final Grid<StationOutput> stations = new Grid<>();
    final Grid<DefectCount> defects = new Grid<>();
    final Grid<Stoppage> stoppages = new Grid<>();
    final Grid<AndonAlert> alerts = new Grid<>();
    final Grid<Hold> holds = new Grid<>();
    private final Div details = new Div();
    private final DateTimeFormatter time;
    private @Nullable ShiftReport shown;

    @Autowired
    ShiftReportView(ShiftReports reports, ExportDesk exports) {
        this(reports, exports.offline());
    }

    /** {@code offline}: documents go to the plant's export folder, never to the browser. */
    ShiftReportView(ShiftReports reports, boolean offline) {
        this.reports = reports;
        setWidthFull();
        var calendar = message.ask(ProblemException.class, reports::shifts);
        this.zone = calendar.map(c -> ZoneId.of(c.timeZone())).orElse(ZoneId.systemDefault());
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);

        lineSelect.setId("shift-report-line");
        message.ask(ProblemException.class, reports::lines).ifPresent(lines -> {
            lineSelect.setItems(lines);
            if (!lines.isEmpty()) {
                lineSelect.setValue(lines.getFirst());
            }
        });
        dateField.setId("shift-report-date");
        dateField.setValue(LocalDate.now(zone));
        dateField.setMax(LocalDate.now(zone));
        shiftSelect.setId("shift-report-shift");
        calendar.ifPresent(c -> {
            var names = c.shifts().stream().map(s -> s.name()).toList();
            shiftSelect.setItems(names);
            if (!names.isEmpty()) {
                shiftSelect.setValue(names.getFirst());
            }
        });
        show.setId("show-shift-report");
        show.addClickListener(click -> show());
        var picker = new HorizontalLayout(lineSelect, dateField, shiftSelect, show);
        picker.setAlignItems(FlexComponent.Alignment.BASELINE);

        summary.setId("shift-report-summary");
        csv.setId("shift-report-csv");
        csv.setText("Shift report (CSV)");
        pdf.setId("shift-report-pdf");
        pdf.setText("Shift report (PDF)");
        csv.setVisible(!offline);
        pdf.setVisible(!offline);
        csvToFolder.setId("shift-report-csv-to-folder");
        pdfToFolder.setId("shift-report-pdf-to-folder");
        csvToFolder.setVisible(offline);
        pdfToFolder.setVisible(offline);
        csvToFolder.addClickListener(click -> toFolder("csv"));
        pdfToFolder.addClickListener(click -> toFolder("pdf"));

        hours.setId("shift-report-hours");
        compact(hours);
        hours.addColumn(h -> time.format(h.hour())).setHeader("Hour");
        hours.addColumn(HourlyOutput::completed).setHeader("Completed");
        hours.addColumn(h -> number(h.planned())).setHeader("Planned");
        operations.setId("shift-report-operations");
        compact(operations);
        operations.addColumn(OperationYield::operation).setHeader("Op").setAutoWidth(true);
        operations.addColumn(OperationYield::name).setHeader("Operation").setAutoWidth(true);
        operations.addColumn(OperationYield::finished).setHeader("Finished");
        operations.addColumn(OperationYield::failed).setHeader("Failed");
        operations.addColumn(o -> percent(o.firstPassYield())).setHeader("First-pass yield");
        operations.addColumn(o -> seconds(o.cycleTimeP50())).setHeader("Cycle p50");
        operations.addColumn(o -> seconds(o.cycleTimeP90())).setHeader("Cycle p90");
        stations.setId("shift-report-stations");
        compact(stations);
        stations.addColumn(StationOutput::station).setHeader("Station");
        stations.addColumn(StationOutput::finished).setHeader("Finished");
        stations.addColumn(StationOutput::failed).setHeader("Failed");
        stations.addColumn(s -> percent(s.firstPassYield())).setHeader("First-pass yield");
        defects.setId("shift-report-defects");
        compact(defects);
        defects.addColumn(DefectCount::code).setHeader("Defect code");
        defects.addColumn(DefectCount::count).setHeader("Count");
        stoppages.setId("shift-report-stoppages");
        compact(stoppages);
        stoppages.addColumn(Stoppage::station).setHeader("Station");
        stoppages.addColumn(s -> time.format(s.since())).setHeader("Quiet since");
        stoppages
                .addColumn(s -> s.until() == null ? "still stopped" : time.format(s.until()))
                .setHeader("Events again");
        stoppages.addColumn(s -> minutes(s.inShift())).setHeader("In the shift");
        alerts.setId("shift-report-alerts");
        compact(alerts);
        alerts.addColumn(a -> a.rule().name()).setHeader("Rule").setAutoWidth(true);
        alerts.addColumn(AndonAlert::message).setHeader("What happened").setFlexGrow(3);
        alerts.addColumn(a -> time.format(a.raisedAt())).setHeader("Raised").setAutoWidth(true);
        alerts.addColumn(a -> a.acknowledgedAt() == null ? "–" : a.acknowledgedBy() + ": " + a.comment())
                .setHeader("Acknowledged");
        alerts.addColumn(a -> a.clearedAt() == null ? "open" : time.format(a.clearedAt()))
                .setHeader("Cleared");
        holds.setId("shift-report-holds");
        compact(holds);
        holds.addColumn(Hold::serial).setHeader("Serial").setAutoWidth(true);
        holds.addColumn(h -> dash(h.station())).setHeader("Station");
        holds.addColumn(h -> time.format(h.heldAt())).setHeader("Held").setAutoWidth(true);
        holds.addColumn(Hold::heldBy).setHeader("By");
        holds.addColumn(Hold::reason).setHeader("Reason").setFlexGrow(2);
        holds.addColumn(h -> h.ended() == null
                        ? "held"
                        : h.ended().toLowerCase(Locale.ROOT) + " by " + h.endedBy() + ": " + h.endReason())
                .setHeader("Ended")
                .setFlexGrow(2);

        var downloads = new HorizontalLayout(csv, pdf, csvToFolder, pdfToFolder);
        details.add(
                summary,
                downloads,
                new H3("Output per hour"),
                hours,
                new H3("Operations"),
                operations,
                new H3("Stations"),
                stations,
                new H3("Top defects"),
                defects,
                new H3("Stoppages"),
                stoppages,
                new H3("Andon alerts"),
                alerts,
                new H3("Holds"),
                holds);
        details.setWidthFull();
        details.setVisible(false);
        add(picker, message, details);
    }

    /** Asks metrics for the picked shift's report and shows it; a refusal is said in words. */
    void show() {
        var line = lineSelect.getValue();
        var date = dateField.getValue();
        var shift = shiftSelect.getValue();
        if (line == null || date == null || shift == null) {
            message.refuse("Pick a line, a day and a shift.");
            return;
        }
        LineId lineId;
        try {
            lineId = LineId.parse(line);
        } catch (MalformedIdException e) {
            message.refuse(e.getMessage());
            return;
        }
        message.ask(ProblemException.class, () -> reports.report(lineId, date, shift))
                .ifPresentOrElse(this::show, () -> {
                    shown = null;
                    details.setVisible(false);
                });
    }

    private void show(ShiftReport report) {
        shown = report;
        var output = report.output();
        summary.setText(report.line() + " · " + report.shift() + " of " + report.date() + " ("
                + time.format(report.start()) + "–" + time.format(report.end())
                + (report.over() ? "" : ", still on") + "): " + output.completed()
                + " units completed against a plan of "
                + number(output.planned()) + " (" + number(output.plannedByNow()) + " by now) · first-pass yield "
                + percent(report.firstPassYield()) + " · rolled throughput yield "
                + percent(report.rolledThroughputYield())
                + " · stopped " + minutes(report.stopped()) + " · "
                + report.alerts().size() + " alert(s) · "
                + report.holds().size() + " hold(s)");
        message.say("Shift report made " + time.format(report.generatedAt()) + ".");
        hours.setItems(report.hours());
        operations.setItems(report.operations());
        stations.setItems(report.stations());
        defects.setItems(report.topDefects());
        stoppages.setItems(report.stoppages());
        alerts.setItems(report.alerts());
        holds.setItems(report.holds());
        var line = LineId.parse(report.line());
        csv.setHref(download(report, "csv", "text/csv", () -> reports.csv(line, report.date(), report.shift())));
        pdf.setHref(download(report, "pdf", "application/pdf", () -> reports.pdf(line, report.date(), report.shift())));
        details.setVisible(true);
    }

    /** Offline: the shown report written to the plant's export folder, and where it went said in words. */
    private void toFolder(String format) {
        var report = shown;
        if (report == null) {
            return;
        }
        var line = LineId.parse(report.line());
        message.ask(
                        ProblemException.class,
                        () -> format.equals("csv")
                                ? reports.exportCsv(line, report.date(), report.shift())
                                : reports.exportPdf(line, report.date(), report.shift()))
                .ifPresent(message::written);
    }

    /** The document is made only when a person follows the link: each download is one audited export. */
    private static DownloadHandler download(
            ShiftReport report,
            String format,
            String type,
            java.util.function.Supplier<ResponseEntity<Resource>> make) {
        var file = "shift-report-" + report.line() + "-" + report.date() + "." + format;
        return DownloadHandler.fromInputStream(
                event -> {
                    try {
                        var body = Objects.requireNonNull(make.get().getBody());
                        return new DownloadResponse(body.getInputStream(), file, type, body.contentLength());
                    } catch (ProblemException e) {
                        return DownloadResponse.error(e.problem().status(), e.getMessage());
                    } catch (AccessDeniedException e) {
                        return DownloadResponse.error(403, "Your role may not do this.");
                    } catch (IOException e) {
                        return DownloadResponse.error(502, "The report could not be read.");
                    }
                },
                file);
    }

    String messageText() {
        return message.getText();
    }

    private static void compact(Grid<?> grid) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
    }

    private static String dash(@Nullable String value) {
        return Objects.requireNonNullElse(value, "–");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(@Nullable Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%.1f min", duration.toMillis() / 60_000.0);
    }

    private static String seconds(@Nullable Duration duration) {
        return duration == null ? "–" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
