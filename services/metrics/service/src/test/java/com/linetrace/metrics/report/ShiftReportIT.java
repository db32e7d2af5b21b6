package com.linetrace.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.line.AndonRaised;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import com.linetrace.web.export.ExportDesk;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A shift of a line of its own driven through Kafka (a work order, units walked with a failure and a repair, holds
 * released, scrapped and still on, a station that stops and starts again): the report over HTTP equals what the test
 * counts from the events it sent, its CSV and PDF say the same, each document handed out is a {@code DataExported}
 * audit action, and bad requests are clear refusals. The test calendar has one shift, {@code All day}.
 */
@IntegrationTest
class ShiftReportIT {

    static final String SHIFT = "All day";
    private static final ZoneId PLANT = ZoneId.of("America/Los_Angeles");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L + 700_000_000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsTheShiftAsCountedFromItsEventsAsJsonCsvAndPdfAndAuditsEachDocument() throws IOException {
        var shift = new Shift("R" + ThreadLocalRandom.current().nextInt(10_000, 99_999));
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var t = now.minus(Duration.ofMinutes(10));
        shift.released("WO-8" + SEQUENCE.incrementAndGet() % 100_000, 10, t);
        var u1 = shift.unit(t);
        shift.walk(u1, "ASM-1", "ASSEMBLY", 10, "Frame", t, 20, Result.PASS, "TEST", 20);
        shift.walk(u1, "TST-1", "TEST", 20, "Flight test", t.plusSeconds(30), 50, Result.PASS, "PACK", 30);
        shift.walk(u1, "PCK-1", "PACK", 30, "Pack", t.plusSeconds(90), 10, Result.PASS, null, null);
        shift.at(u1, "PCK-1", t.plusSeconds(100), new UnitCompleted("WO-1"));
        // u2 fails the flight test twice over (two defects), is repaired and passes.
        var u2 = shift.unit(t);
        shift.walk(u2, "ASM-1", "ASSEMBLY", 10, "Frame", t.plusSeconds(60), 30, Result.PASS, "TEST", 20);
        shift.walk(
                u2,
                "TST-1",
                "TEST",
                20,
                "Flight test",
                t.plusSeconds(100),
                40,
                Result.FAIL,
                "REPAIR",
                20,
                "MTR-CURRENT-HIGH",
                "GNSS-NO-FIX");
        shift.repair(u2, "RPR-1", 20, t.plusSeconds(150), 60);
        shift.walk(
                u2,
                "TST-1",
                "TEST",
                20,
                "Flight test",
                t.plusSeconds(220),
                45,
                Result.FAIL,
                "REPAIR",
                20,
                "MTR-CURRENT-HIGH");
        shift.repair(u2, "RPR-1", 20, t.plusSeconds(270), 30);
        shift.walk(u2, "TST-1", "TEST", 20, "Flight test", t.plusSeconds(310), 45, Result.PASS, "PACK", 30);
        shift.walk(u2, "PCK-1", "PACK", 30, "Pack", t.plusSeconds(360), 12, Result.PASS, null, null);
        shift.at(u2, "PCK-1", t.plusSeconds(372), new UnitCompleted("WO-1"));
        // u3 is held at assembly and released, then built; u4 held and scrapped; u5 held and still held.
        var u3 = shift.unit(t);
        shift.arrive(u3, "ASM-1", "ASSEMBLY", 10, "Frame", false, t.plusSeconds(120));
        shift.at(u3, "ASM-1", t.plusSeconds(125), new UnitHeld("Scratched arm"), "supervisor");
        shift.at(u3, "ASM-1", t.plusSeconds(200), new UnitReleased("Polished out, within finish spec"), "quality");
        shift.at(u3, "ASM-1", t.plusSeconds(230), new WorkCompleted(10, "Frame", Result.PASS, List.of()));
        shift.at(u3, "ASM-1", t.plusSeconds(230), new UnitsDeparted(10, 20, "TEST"));
        shift.walk(u3, "TST-1", "TEST", 20, "Flight test", t.plusSeconds(400), 40, Result.PASS, "PACK", 30);
        shift.walk(u3, "PCK-1", "PACK", 30, "Pack", t.plusSeconds(450), 10, Result.PASS, null, null);
        shift.at(u3, "PCK-1", t.plusSeconds(460), new UnitCompleted("WO-1"));
        var u4 = shift.unit(t);
        shift.arrive(u4, "ASM-1", "ASSEMBLY", 10, "Frame", false, t.plusSeconds(300));
        shift.at(u4, "ASM-1", t.plusSeconds(305), new UnitHeld("Cracked frame"), "supervisor");
        shift.at(u4, "ASM-1", t.plusSeconds(330), new UnitScrapped("Frame beyond repair"), "quality");
        var u5 = shift.unit(t);
        shift.arrive(u5, "ASM-1", "ASSEMBLY", 10, "Frame", false, t.plusSeconds(480));
        shift.at(u5, "ASM-1", t.plusSeconds(490), new UnitHeld("Lot FRM-7 under review"), "quality");
        var u6 = shift.unit(t);
        shift.send();

        // u6 arrives at inspection and nothing happens there: after the stall threshold (3 s here) the andon stops it.
        var quiet = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        shift.sendNow(u6, "INS-1", quiet, new UnitsArrived(40, "Inspection", false, "INSPECTION"));
        var manager = ApiClient.at(port).as("manager");
        // While the back-dated events are applied one by one the andon may see other stations stalled too (a unit at
        // a station whose latest event is minutes old): those are stoppages as well, counted below from its events.
        var stalled = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> stoppageAt(report(manager, shift.line), "INS-1"), found -> found != null);
        assertThat(Instant.parse(stalled.get("since").asString())).isEqualTo(quiet);
        assertThat(stalled.get("until").isNull()).isTrue();
        var alertId = stalled.get("alert").asString();
        var acknowledged = ApiClient.at(port)
                .as("supervisor")
                .post("/api/metrics/alerts/" + alertId + "/acknowledgement", "{\"comment\":\"Inspector called back\"}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        // The inspection is done: the station has events again and the stoppage ends.
        var resumed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        shift.sendNow(u6, "INS-1", resumed, new WorkCompleted(40, "Inspection", Result.PASS, List.of()));
        shift.sendNow(u6, "INS-1", resumed, new UnitsDeparted(40, null, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !stoppageAt(report(manager, shift.line), "INS-1")
                        .get("until")
                        .isNull());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> applied(shift.eventIds()) == shift.eventIds().size());

        var expected = shift.expected();
        var json = report(manager, shift.line);
        assertThat(json.get("line").asString()).isEqualTo(shift.line);
        assertThat(json.get("shift").asString()).isEqualTo(SHIFT);
        assertThat(json.get("over").asBoolean()).isFalse();
        assertThat(json.get("output").get("completed").asInt()).isEqualTo(expected.completed());
        assertThat(json.get("output").get("planned").asDouble()).isCloseTo(10, Assertions.within(1e-6));
        assertThat(json.get("output").get("plannedByNow").asDouble())
                .isGreaterThan(0)
                .isLessThan(10);
        int perHour = 0;
        double plannedPerHour = 0;
        for (var hour : json.get("hours")) {
            perHour += hour.get("completed").asInt();
            plannedPerHour += hour.get("planned").asDouble();
        }
        assertThat(perHour).isEqualTo(expected.completed());
        assertThat(plannedPerHour).isCloseTo(10, Assertions.within(1e-6));
        assertThat(json.get("firstPassYield").asDouble()).isCloseTo(expected.firstPassYield(), Assertions.within(1e-9));
        var operations = new HashMap<Integer, List<Integer>>();
        json.get("operations")
                .forEach(o -> operations.put(
                        o.get("operation").asInt(),
                        List.of(
                                o.get("finished").asInt(),
                                o.get("failed").asInt(),
                                o.get("firstAttempts").asInt(),
                                o.get("firstPassed").asInt())));
        assertThat(operations).isEqualTo(expected.operations());
        var stations = new HashMap<String, List<Integer>>();
        json.get("stations")
                .forEach(s -> stations.put(
                        s.get("station").asString(),
                        List.of(s.get("finished").asInt(), s.get("failed").asInt())));
        assertThat(stations).isEqualTo(expected.stations());
        var defects = new HashMap<String, Integer>();
        json.get("topDefects")
                .forEach(d ->
                        defects.put(d.get("code").asString(), d.get("count").asInt()));
        assertThat(defects).isEqualTo(expected.defects());
        assertThat(json.get("topDefects").get(0).get("code").asString()).isEqualTo("MTR-CURRENT-HIGH");
        var holds = new HashMap<String, String>();
        json.get("holds")
                .forEach(h -> holds.put(
                        h.get("serial").asString(),
                        h.get("reason").asString() + "/" + h.get("heldBy").asString() + "/"
                                + (h.get("ended").isNull()
                                        ? "HELD"
                                        : h.get("ended").asString())));
        assertThat(holds).isEqualTo(expected.holds());
        var stoppage = stoppageAt(json, "INS-1");
        assertThat(Instant.parse(stoppage.get("until").asString())).isAfterOrEqualTo(resumed);
        assertThat(Duration.parse(stoppage.get("inShift").asString())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        // The stoppages are the stalls the andon raised for the line, as its line events tell, each with its clear.
        var stoppages = new HashSet<String>();
        var stopped = Duration.ZERO;
        for (var s : json.get("stoppages")) {
            stoppages.add(s.get("alert").asString());
            stopped = stopped.plus(Duration.parse(s.get("inShift").asString()));
        }
        assertThat(stoppages).isEqualTo(raisedOn(shift.line, "STATION_STALLED"));
        assertThat(Duration.parse(json.get("stopped").asString())).isEqualTo(stopped);
        // Every alert listed is one the andon raised for the line on the line events, the stall acknowledged in it.
        var listed = new HashSet<String>();
        json.get("alerts").forEach(a -> listed.add(a.get("id").asString()));
        assertThat(listed).contains(alertId).containsAll(stoppages).isSubsetOf(raisedOn(shift.line, null));
        var stall = find(json.get("alerts"), alertId);
        assertThat(stall.get("rule").asString()).isEqualTo("STATION_STALLED");
        assertThat(stall.get("comment").asString()).isEqualTo("Inspector called back");
        assertThat(stall.get("clearedAt").isNull()).isFalse();

        var date = LocalDate.ofInstant(now, PLANT);
        var path = "/api/metrics/lines/" + shift.line + "/shifts/" + date + "/All%20day/report";
        var supervisor = ApiClient.at(port).as("supervisor");
        var before = Instant.now();
        var csv = supervisor.bytes(path + ".csv", "text/csv");
        var rows = csv(csv);
        assertThat(rows.getFirst()).containsExactly("section", "subject", "measure", "value");
        assertThat(rows)
                .anySatisfy(r -> assertThat(r)
                        .containsExactly("output", "shift", "completed", Integer.toString(expected.completed())));
        assertThat(rows)
                .anySatisfy(r -> assertThat(r)
                        .containsExactly(
                                "defect",
                                "MTR-CURRENT-HIGH",
                                "count",
                                Integer.toString(expected.defects().get("MTR-CURRENT-HIGH"))));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("shift", r[1], "date", date.toString()));
        assertThat(rows.stream()
                        .filter(r -> r[0].equals("hold") && r[2].equals("serial"))
                        .map(r -> r[3]))
                .containsExactlyInAnyOrderElementsOf(expected.holds().keySet());
        assertThat(rows.stream()
                        .filter(r -> r[0].equals("stoppage") && r[2].equals("station"))
                        .map(r -> r[3]))
                .hasSize(stoppages.size())
                .contains("INS-1");
        var stoppedSeconds = String.format(java.util.Locale.ROOT, "%.3f", stopped.toMillis() / 1000.0);
        assertThat(rows)
                .anySatisfy(r -> assertThat(r).containsExactly("stoppage", "line", "stopped_seconds", stoppedSeconds));

        var pdf = supervisor.bytes(path + ".pdf", "application/pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var reader = new PdfReader(pdf);
        var extractor = new PdfTextExtractor(reader);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        // Cells wrap at spaces: the words are compared, not the line breaks.
        var words = text.toString().replaceAll("\\s+", " ");
        assertThat(words)
                .contains("Shift report " + shift.line, SHIFT, "MTR-CURRENT-HIGH", "GNSS-NO-FIX", "INS-1")
                .contains(u3.value(), u4.value(), u5.value(), "Cracked frame", "Inspector called back");

        // Each document handed out is an audit action: who, what, which shift, the bytes' SHA-256.
        var recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> exportsSince(before, "supervisor", shift.line), found -> found.size() >= 2);
        assertThat(recorded).hasSize(2);
        var byFormat = new HashMap<String, DataExported>();
        recorded.forEach(e -> byFormat.put(((DataExported) e.body()).format(), (DataExported) e.body()));
        assertThat(byFormat.get("csv").sha256()).isEqualTo(ExportDesk.sha256(csv));
        assertThat(byFormat.get("pdf").sha256()).isEqualTo(ExportDesk.sha256(pdf));
        assertThat(byFormat.get("csv").export()).isEqualTo("shift-report");
        assertThat(byFormat.get("csv").query()).isEqualTo("line=" + shift.line + "&date=" + date + "&shift=" + SHIFT);
        assertThat(byFormat.get("csv").file()).isNull();
        assertThat(recorded.getFirst().origin()).isEqualTo("127.0.0.1");
        // The page's JSON is a read, not a document: no action for it.
        assertThat(exportsSince(before, "manager", shift.line)).isEmpty();
    }

    @Test
    void refusesAnUnknownLineShiftOrDateAFutureShiftAndRolesWithoutTheReportClearly() {
        var line = "Q" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        TopicProbe.send(
                Topics.LINE_EVENTS,
                line,
                LineEvent.CODEC.encode(new LineEventEnvelope(
                        EventIds.next(),
                        1,
                        Instant.now(),
                        "CA1",
                        line,
                        null,
                        "supervisor",
                        new WorkOrderReleased("WO-6" + SEQUENCE.incrementAndGet() % 100_000, "AX4-ENT", 4, null))));
        var today = LocalDate.now(PLANT);
        var manager = ApiClient.at(port).as("manager");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.get("/api/metrics/lines/" + line + "/shifts/" + today + "/All%20day/report")
                                .status()
                        == 200);
        var refusals = Map.of(
                "/api/metrics/lines/NO-SUCH-LINE/shifts/" + today + "/All%20day/report", "404 unknown-line",
                "/api/metrics/lines/" + line + "/shifts/" + today + "/Night/report", "404 unknown-shift",
                "/api/metrics/lines/" + line + "/shifts/1999-12-31/All%20day/report", "404 unknown-shift",
                "/api/metrics/lines/" + line + "/shifts/" + today.plusDays(1) + "/All%20day/report",
                        "409 shift-not-started",
                "/api/metrics/lines/" + line + "/shifts/+999999999-12-31/All%20day/report.csv", "409 shift-not-started",
                "/api/metrics/lines/" + line + "/shifts/2026-13-01/All%20day/report.pdf", "400 invalid-parameter",
                "/api/metrics/lines/" + line + "/shifts/yesterday/All%20day/report", "400 invalid-parameter",
                "/api/metrics/lines/line-1/shifts/" + today + "/All%20day/report", "400 invalid-id");
        var before = Instant.now();
        refusals.forEach((path, answer) -> {
            var refused = manager.get(path, "application/json, text/csv, application/pdf, application/problem+json");
            assertThat(refused.status() + " "
                            + refused.json().get("type").asString().replace("urn:linetrace:problem:", ""))
                    .as(path)
                    .isEqualTo(answer);
            assertThat(refused.json().get("detail").asString()).as(path).isNotBlank();
        });
        var report = "/api/metrics/lines/" + line + "/shifts/" + today + "/All%20day/report";
        assertThat(ApiClient.at(port).as("operator").get(report).status()).isEqualTo(403);
        assertThat(ApiClient.at(port)
                        .as("engineer")
                        .get(report + ".csv", "text/csv, application/problem+json")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.at(port).get(report).status()).isEqualTo(401);
        var lines = new ArrayList<String>();
        manager.get("/api/metrics/lines").json().forEach(l -> lines.add(l.asString()));
        assertThat(lines).contains(line);
        var shifts = manager.get("/api/metrics/shifts").json();
        assertThat(shifts.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(shifts.get("shifts").get(0).get("name").asString()).isEqualTo(SHIFT);
        // Without an export folder a folder export is refused, and nothing refused was recorded.
        var folder = ApiClient.at(port).as("quality").post(report + ".pdf/export", "");
        assertThat(folder.status()).isEqualTo(409);
        assertThat(folder.json().get("type").asString())
                .isEqualTo("urn:linetrace:problem:export-folder-not-configured");
        assertThat(exportsSince(before, "manager", line)).isEmpty();
        assertThat(exportsSince(before, "quality", line)).isEmpty();
    }

    static JsonNode report(ApiClient client, String line) {
        var answer = client.get("/api/metrics/lines/" + line + "/shifts/" + LocalDate.now(PLANT) + "/All%20day/report");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode find(JsonNode alerts, String id) {
        for (var alert : alerts) {
            if (alert.get("id").asString().equals(id)) {
                return alert;
            }
        }
        throw new AssertionError("No alert " + id);
    }

    private static @org.jspecify.annotations.Nullable JsonNode stoppageAt(JsonNode report, String station) {
        for (var stoppage : report.get("stoppages")) {
            if (stoppage.get("station").asString().equals(station)) {
                return stoppage;
            }
        }
        return null;
    }

    /** The alerts the andon raised for the line (of one rule, or all), read from the line events. */
    private static Set<String> raisedOn(String line, @org.jspecify.annotations.Nullable String rule) {
        var raised = new HashSet<String>();
        TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.LINE_EVENTS).stream()
                .filter(r -> line.equals(r.key()))
                .map(r -> LineEvent.CODEC.decode(r.value()))
                .filter(e -> e.body() instanceof AndonRaised r
                        && (rule == null || r.rule().name().equals(rule)))
                .forEach(e -> raised.add(((AndonRaised) e.body()).alertId().toString()));
        return raised;
    }

    static List<AuditActionEvent> exportsSince(Instant since, String actor, String line) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.AUDIT_ACTIONS).stream()
                .map(record -> AuditAction.CODEC.decode(record.value()))
                .filter(event -> event.body() instanceof DataExported exported
                        && exported.export().equals("shift-report")
                        && exported.query().startsWith("line=" + line + "&")
                        && event.actor().equals(actor)
                        && !event.occurredAt().isBefore(since))
                .toList();
    }

    private long applied(Set<UUID> eventIds) {
        return jdbc.sql("select count(*) from metrics.inbox where event_id in (:ids)")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }

    /** Parses RFC 4180 lines (quoted fields with commas and doubled quotes; no line breaks in these). */
    static List<String[]> csv(byte[] bytes) throws IOException {
        var rows = new ArrayList<String[]>();
        try (var in =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                var fields = new ArrayList<String>();
                var field = new StringBuilder();
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ',' && !quoted) {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                rows.add(fields.toArray(String[]::new));
            }
        }
        return rows;
    }

    /** What the counts expected are: from the events sent, as a person would count them. */
    record Expected(
            int completed,
            double firstPassYield,
            Map<Integer, List<Integer>> operations,
            Map<String, List<Integer>> stations,
            Map<String, Integer> defects,
            Map<String, String> holds) {}

    /** The events of a line's shift, in the order sent. */
    private static final class Shift {

        final String line;
        final List<EventEnvelope<UnitEvent>> events = new ArrayList<>();
        final List<LineEventEnvelope> lineEvents = new ArrayList<>();

        Shift(String line) {
            this.line = line;
        }

        Serial unit(Instant at) {
            var serial = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
            events.add(envelope(
                    serial, null, at.minusSeconds(1), new UnitsInitialized("WO-1", "AX4-ENT", 1), "supervisor"));
            return serial;
        }

        void released(String workOrder, int quantity, Instant at) {
            lineEvents.add(new LineEventEnvelope(
                    EventIds.next(),
                    1,
                    at,
                    "CA1",
                    line,
                    null,
                    "supervisor",
                    new WorkOrderReleased(workOrder, "AX4-ENT", quantity, LocalDate.ofInstant(at, PLANT))));
        }

        void at(Serial serial, String station, Instant at, UnitEvent body) {
            at(serial, station, at, body, "operator");
        }

        void at(Serial serial, String station, Instant at, UnitEvent body, String actor) {
            events.add(envelope(serial, station, at, body, actor));
        }

        void arrive(Serial serial, String station, String kind, int op, String name, boolean rework, Instant at) {
            at(serial, station, at, new UnitsArrived(op, name, rework, kind));
        }

        void walk(
                Serial serial,
                String station,
                String kind,
                int op,
                String name,
                Instant at,
                int seconds,
                Result result,
                String nextKind,
                Integer nextOp,
                String... defects) {
            arrive(serial, station, kind, op, name, false, at);
            var done = at.plusSeconds(seconds);
            at(serial, station, done, new WorkCompleted(op, name, result, List.of(defects)));
            if (result == Result.FAIL) {
                at(serial, station, done, new ReworkRouted(op, 1));
            }
            at(serial, station, done, new UnitsDeparted(op, nextOp, nextKind));
        }

        void repair(Serial serial, String station, int op, Instant at, int seconds) {
            arrive(serial, station, "REPAIR", op, "Flight test", true, at);
            at(
                    serial,
                    station,
                    at.plusSeconds(seconds),
                    new WorkCompleted(op, "Repair of Flight test", Result.PASS, List.of()));
            at(serial, station, at.plusSeconds(seconds), new UnitsDeparted(op, op, "TEST"));
        }

        void send() {
            lineEvents.forEach(e -> TopicProbe.send(Topics.LINE_EVENTS, line, LineEvent.CODEC.encode(e)));
            events.forEach(e -> TopicProbe.send(Topics.UNIT_EVENTS, e.serial().value(), UnitEvent.CODEC.encode(e)));
        }

        /** Sends one event at once (and keeps it, for the counts). */
        void sendNow(Serial serial, String station, Instant at, UnitEvent body) {
            var event = envelope(serial, station, at, body, "operator");
            events.add(event);
            TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(event));
        }

        Set<UUID> eventIds() {
            var ids = new HashSet<UUID>();
            events.forEach(e -> ids.add(e.eventId()));
            lineEvents.forEach(e -> ids.add(e.eventId()));
            return ids;
        }

        Expected expected() {
            var completed = new HashSet<Serial>();
            var failed = new HashSet<Serial>();
            var reworkAt = new HashMap<Serial, String>();
            var attempted = new HashSet<String>();
            var operations = new HashMap<Integer, int[]>();
            var stations = new HashMap<String, int[]>();
            var defects = new HashMap<String, Integer>();
            var holds = new HashMap<String, String>();
            for (var e : events) {
                switch (e.body()) {
                    case UnitsArrived a -> {
                        if (a.rework()) {
                            reworkAt.put(e.serial(), e.station());
                        } else {
                            reworkAt.remove(e.serial());
                        }
                    }
                    case WorkCompleted w -> {
                        boolean fail = w.result() == Result.FAIL;
                        w.defects().forEach(d -> defects.merge(d, 1, Integer::sum));
                        if (fail) {
                            failed.add(e.serial());
                        }
                        var station = stations.computeIfAbsent(e.station(), s -> new int[2]);
                        station[0]++;
                        station[1] += fail ? 1 : 0;
                        if (!Objects.equals(reworkAt.get(e.serial()), e.station())) {
                            var op = operations.computeIfAbsent(w.operation(), o -> new int[4]);
                            op[0]++;
                            op[1] += fail ? 1 : 0;
                            if (attempted.add(e.serial().value() + "/" + w.operation())) {
                                op[2]++;
                                op[3] += fail ? 0 : 1;
                            }
                        }
                    }
                    case UnitCompleted c -> completed.add(e.serial());
                    case UnitHeld h -> holds.put(e.serial().value(), h.reason() + "/" + e.actor() + "/HELD");
                    case UnitReleased r ->
                        holds.computeIfPresent(e.serial().value(), (s, v) -> v.replace("/HELD", "/RELEASED"));
                    case UnitScrapped s ->
                        holds.computeIfPresent(e.serial().value(), (k, v) -> v.replace("/HELD", "/SCRAPPED"));
                    default -> {}
                }
            }
            var ops = new HashMap<Integer, List<Integer>>();
            operations.forEach((op, c) -> ops.put(op, List.of(c[0], c[1], c[2], c[3])));
            var byStation = new HashMap<String, List<Integer>>();
            stations.forEach((s, c) -> byStation.put(s, List.of(c[0], c[1])));
            double fpy = completed.stream().filter(s -> !failed.contains(s)).count() / (double) completed.size();
            return new Expected(completed.size(), fpy, ops, byStation, defects, holds);
        }

        private EventEnvelope<UnitEvent> envelope(
                Serial serial, String station, Instant at, UnitEvent body, String actor) {
            return new EventEnvelope<>(EventIds.next(), 1, at, "CA1", line, station, serial, actor, body);
        }
    }
}
