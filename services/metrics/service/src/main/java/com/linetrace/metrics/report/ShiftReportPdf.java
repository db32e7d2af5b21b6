package com.linetrace.metrics.report;

import com.linetrace.metrics.api.ShiftReport;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * A shift report as an A4 PDF, from the same {@link ShiftReport} the JSON and CSV are: the shift, output against plan
 * per hour, yield per operation and station, top defects, stoppages, andon alerts and holds. Every value is printed
 * as plain text in the PDF's standard fonts (nothing parsed as markup, no font or image fetched); times in the
 * plant's time zone.
 */
final class ShiftReportPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font SECTION = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font HEAD = new Font(Font.HELVETICA, 7, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 7);
    private static final Font SMALL = new Font(Font.HELVETICA, 6.5f);

    private ShiftReportPdf() {}

    static byte[] render(ShiftReport r) {
        var zone = ZoneId.of(r.timeZone());
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 28, 28, 28, 36);
        PdfWriter.getInstance(document, out);
        var title = "Shift report " + r.line() + " · " + r.date() + " · " + r.shift();
        document.addTitle(title);
        document.addCreator("LineTrace");
        var footer = new HeaderFooter(
                new Phrase(
                        title + " · made " + time.format(r.generatedAt()) + " (" + r.timeZone() + ") · page ", SMALL),
                true);
        footer.setBorder(Rectangle.TOP);
        footer.setAlignment(Element.ALIGN_CENTER);
        document.setFooter(footer);
        document.open();

        document.add(new Paragraph(title, TITLE));
        var summary = table(new float[] {1.3f, 2, 1.3f, 2});
        pair(summary, "Line", r.line());
        pair(summary, "Shift", r.shift() + " of " + r.date());
        pair(summary, "From", time.format(r.start()));
        pair(summary, "To", time.format(r.end()) + (r.over() ? "" : " (still on)"));
        pair(summary, "Units completed", Integer.toString(r.output().completed()));
        pair(
                summary,
                "Plan",
                number(r.output().planned()) + " (by the report: "
                        + number(r.output().plannedByNow()) + ")");
        pair(summary, "First-pass yield", percent(r.firstPassYield()));
        pair(summary, "Rolled throughput yield", percent(r.rolledThroughputYield()));
        pair(summary, "Stopped", minutes(r.stopped()) + " in " + r.stoppages().size() + " stoppage(s)");
        pair(summary, "Alerts / holds", r.alerts().size() + " / " + r.holds().size());
        document.add(summary);

        section(document, "Output per hour");
        var hours = table(new float[] {2, 1, 1}, "Hour", "Completed", "Planned");
        for (var hour : r.hours()) {
            cells(hours, time.format(hour.hour()), Integer.toString(hour.completed()), number(hour.planned()));
        }
        none(document, hours, r.hours(), "No hour.");

        section(document, "Operations");
        var operations = table(
                new float[] {0.5f, 2, 0.8f, 0.8f, 0.9f, 0.9f, 0.8f, 0.9f, 0.9f},
                "Op",
                "Operation",
                "Finished",
                "Failed",
                "First attempts",
                "First passed",
                "FPY",
                "Cycle p50",
                "Cycle p90");
        for (var o : r.operations()) {
            cells(
                    operations,
                    Integer.toString(o.operation()),
                    o.name(),
                    Integer.toString(o.finished()),
                    Integer.toString(o.failed()),
                    Integer.toString(o.firstAttempts()),
                    Integer.toString(o.firstPassed()),
                    percent(o.firstPassYield()),
                    duration(o.cycleTimeP50()),
                    duration(o.cycleTimeP90()));
        }
        none(document, operations, r.operations(), "No operation finished in the shift.");

        section(document, "Stations");
        var stations = table(new float[] {2, 1, 1, 1}, "Station", "Finished", "Failed", "First-pass yield");
        for (var s : r.stations()) {
            cells(
                    stations,
                    s.station(),
                    Integer.toString(s.finished()),
                    Integer.toString(s.failed()),
                    percent(s.firstPassYield()));
        }
        none(document, stations, r.stations(), "No station finished an operation in the shift.");

        section(document, "Top defects");
        var defects = table(new float[] {3, 1}, "Defect code", "Count");
        for (var d : r.topDefects()) {
            cells(defects, d.code(), Integer.toString(d.count()));
        }
        none(document, defects, r.topDefects(), "No defect recorded in the shift.");

        section(document, "Stoppages");
        var stoppages = table(new float[] {1.5f, 2, 2, 1}, "Station", "Quiet since", "Events again", "In the shift");
        for (var s : r.stoppages()) {
            cells(
                    stoppages,
                    s.station(),
                    time.format(s.since()),
                    s.until() == null ? "still stopped" : time.format(s.until()),
                    minutes(s.inShift()));
        }
        none(document, stoppages, r.stoppages(), "No station stopped in the shift.");

        section(document, "Andon alerts");
        var alerts = table(
                new float[] {1.4f, 3, 1.3f, 2.2f, 1.3f}, "Rule", "What happened", "Raised", "Acknowledged", "Cleared");
        for (var a : r.alerts()) {
            cells(
                    alerts,
                    a.rule().name(),
                    a.message(),
                    time.format(a.raisedAt()),
                    a.acknowledgedAt() == null
                            ? null
                            : time.format(a.acknowledgedAt()) + " by " + a.acknowledgedBy() + ": " + a.comment(),
                    a.clearedAt() == null ? "open" : time.format(a.clearedAt()));
        }
        none(document, alerts, r.alerts(), "No andon alert in the shift.");

        section(document, "Holds");
        var holds =
                table(new float[] {1.6f, 0.8f, 1.2f, 1, 2, 2.4f}, "Serial", "Station", "Held", "By", "Reason", "Ended");
        for (var h : r.holds()) {
            cells(
                    holds,
                    h.serial(),
                    h.station(),
                    time.format(h.heldAt()),
                    h.heldBy(),
                    h.reason(),
                    h.ended() == null
                            ? "held"
                            : h.ended().toLowerCase(Locale.ROOT) + " "
                                    + time.format(Objects.requireNonNull(h.endedAt())) + " by " + h.endedBy() + ": "
                                    + h.endReason());
        }
        none(document, holds, r.holds(), "No unit was held in the shift.");

        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String title) {
        var paragraph = new Paragraph(title, SECTION);
        paragraph.setSpacingBefore(8);
        paragraph.setSpacingAfter(3);
        document.add(paragraph);
    }

    private static void none(Document document, PdfPTable table, List<?> rows, String whenNone) {
        if (rows.isEmpty()) {
            document.add(new Paragraph(whenNone, SMALL));
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

    private static void pair(PdfPTable table, String name, @Nullable String value) {
        table.addCell(cell(name, HEAD));
        table.addCell(cell(value, CELL));
    }

    private static void cells(PdfPTable table, @Nullable String... values) {
        for (var value : values) {
            table.addCell(cell(value, CELL));
        }
    }

    private static PdfPCell cell(@Nullable String value, Font font) {
        var cell = new PdfPCell(new Phrase(new Chunk(Objects.requireNonNullElse(value, "–"), font)));
        cell.setPadding(2);
        return cell;
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

    private static String duration(@Nullable Duration duration) {
        return duration == null ? "–" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
