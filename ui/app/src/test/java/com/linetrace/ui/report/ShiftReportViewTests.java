package com.linetrace.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.contracts.line.AndonRule;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.LinePerformance.DefectCount;
import com.linetrace.metrics.api.LinePerformance.HourlyOutput;
import com.linetrace.metrics.api.LinePerformance.Output;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.ShiftCalendarInfo;
import com.linetrace.metrics.api.ShiftReport;
import com.linetrace.metrics.api.ShiftReports;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

@ViewPackages(classes = BlankRoute.class)
class ShiftReportViewTests extends BrowserlessTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final String HOSTILE = "<img src=x onerror=alert(1)> Scratched arm";

    private final Reports reports = new Reports();

    private ShiftReportView open(boolean offline) {
        var view = new ShiftReportView(reports, offline);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void offersTheLinesAndShiftsOfMetricsAndShowsThePickedShiftsFigures() {
        var view = open(false);
        assertThat(view.lineSelect.getValue()).isEqualTo("L1");
        assertThat(view.shiftSelect.getValue()).isEqualTo("Day");
        test(view.shiftSelect).selectItem("Swing");
        test(view.dateField).setValue(LocalDate.of(2026, 12, 1));

        test(view.show).click();

        assertThat(reports.asked).containsExactly("report L1 2026-12-01 Swing");
        assertThat(view.summary.getText())
                .contains(
                        "L1 · Swing of 2026-12-01",
                        "42 units completed against a plan of 50.0",
                        "first-pass yield 93.0 %")
                .contains("stopped 12.0 min", "1 alert(s)", "1 hold(s)");
        assertThat(test(view.hours).size()).isEqualTo(2);
        assertThat(test(view.hours).getCellText(0, 0)).isEqualTo("2026-12-01 06:00");
        assertThat(test(view.operations).getCellText(0, 4)).isEqualTo("75.0 %");
        assertThat(test(view.defects).getCellText(0, 0)).isEqualTo("MTR-CURRENT-HIGH");
        assertThat(test(view.stoppages).getCellText(0, 0)).isEqualTo("TST-2");
        assertThat(test(view.stoppages).getCellText(0, 3)).isEqualTo("12.0 min");
        assertThat(test(view.alerts).getCellText(0, 3)).isEqualTo("supervisor: Fixture reseated");
        assertThat(test(view.holds).getCellText(0, 4)).as("text, never markup").isEqualTo(HOSTILE);
        assertThat(test(view.holds).getCellText(0, 5)).isEqualTo("released by quality: Polished out");
        assertThat(view.csv.getHref()).isNotBlank();
        assertThat(view.pdf.getHref()).isNotBlank();
        assertThat(view.csvToFolder.isVisible()).isFalse();
        assertThat(reports.asked)
                .as("no document is made until a person follows a link")
                .hasSize(1);
    }

    @Test
    void saysWhyAReportIsRefusedAndShowsNothing() {
        var view = open(false);
        reports.refuse = true;

        test(view.show).click();

        assertThat(view.messageText()).isEqualTo("The Day shift of " + view.dateField.getValue() + " has not started");
        assertThat(view.summary.getText()).isEmpty();
        assertThat(view.csv.getHref()).as("nothing to download").isNullOrEmpty();
    }

    @Test
    void offlineWritesTheDocumentToTheExportFolderAndOffersNoDownload() {
        var view = open(true);
        test(view.dateField).setValue(LocalDate.of(2026, 12, 1));
        test(view.show).click();

        assertThat(view.csv.isVisible()).isFalse();
        assertThat(view.pdf.isVisible()).isFalse();
        test(view.pdfToFolder).click();

        assertThat(reports.asked).endsWith("pdf to folder L1");
        assertThat(view.messageText())
                .startsWith("Written to the export folder: /srv/exports/shift-report-L1-2026-12-01-Day.pdf");
    }

    private static final class Reports implements ShiftReports {

        final List<String> asked = new ArrayList<>();
        boolean refuse;

        @Override
        public ShiftCalendarInfo shifts() {
            return new ShiftCalendarInfo(
                    "America/Los_Angeles",
                    List.of(
                            new ShiftCalendarInfo.ShiftTimes("Day", "06:00", "14:30"),
                            new ShiftCalendarInfo.ShiftTimes("Swing", "14:30", "23:00")));
        }

        @Override
        public List<String> lines() {
            return List.of("L1", "L2");
        }

        @Override
        public ShiftReport report(LineId line, LocalDate date, String shift) {
            if (refuse) {
                throw MetricsProblem.SHIFT_NOT_STARTED.exception(
                        "The " + shift + " shift of " + date + " has not started");
            }
            asked.add("report " + line + " " + date + " " + shift);
            var alert = new AndonAlert(
                    UUID.randomUUID(),
                    line.value(),
                    "TST-2",
                    AndonRule.STATION_STALLED,
                    "TST-2",
                    "TST-2 has work and no event for 10 min",
                    START.plusSeconds(600),
                    START.plusSeconds(700),
                    "supervisor",
                    "Fixture reseated",
                    START.plusSeconds(1320));
            return new ShiftReport(
                    line.value(),
                    date,
                    shift,
                    "America/Los_Angeles",
                    START,
                    START.plus(Duration.ofHours(8).plusMinutes(30)),
                    START.plus(Duration.ofHours(9)),
                    true,
                    new Output(42, 50, 50),
                    List.of(new HourlyOutput(START, 5, 6.2), new HourlyOutput(START.plusSeconds(3600), 6, 6.2)),
                    0.93,
                    0.71,
                    List.of(new ShiftReport.OperationYield(
                            80, "Flight test", 44, 11, 44, 33, 0.75, Duration.ofSeconds(95), Duration.ofSeconds(140))),
                    List.of(new ShiftReport.StationOutput("TST-2", 44, 11, 44, 33, 0.75)),
                    List.of(new DefectCount("MTR-CURRENT-HIGH", 7), new DefectCount("IMU-CAL-FAIL", 3)),
                    List.of(new ShiftReport.Stoppage(
                            alert.id(), "TST-2", START, START.plusSeconds(720), Duration.ofMinutes(12))),
                    Duration.ofMinutes(12),
                    List.of(alert),
                    List.of(new ShiftReport.Hold(
                            "LTRCA0000000017",
                            "ASM-1",
                            START.plusSeconds(100),
                            "supervisor",
                            HOSTILE,
                            "RELEASED",
                            START.plusSeconds(900),
                            "quality",
                            "Polished out")));
        }

        @Override
        public ResponseEntity<Resource> csv(LineId line, LocalDate date, String shift) {
            asked.add("csv " + line);
            return ResponseEntity.ok(new ByteArrayResource("section,subject,measure,value\r\n".getBytes()));
        }

        @Override
        public ResponseEntity<Resource> pdf(LineId line, LocalDate date, String shift) {
            asked.add("pdf " + line);
            return ResponseEntity.ok(new ByteArrayResource("%PDF-1.7".getBytes()));
        }

        @Override
        public ExportReceipt exportCsv(LineId line, LocalDate date, String shift) {
            asked.add("csv to folder " + line);
            return new ExportReceipt(
                    "/srv/exports/shift-report-" + line + "-" + date + "-" + shift + ".csv", 30, "ab".repeat(32));
        }

        @Override
        public ExportReceipt exportPdf(LineId line, LocalDate date, String shift) {
            asked.add("pdf to folder " + line);
            return new ExportReceipt(
                    "/srv/exports/shift-report-" + line + "-" + date + "-" + shift + ".pdf", 8, "ab".repeat(32));
        }
    }
}
