package com.linetrace.metrics.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.ReworkRouted;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.metrics.MetricsTestApplication;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.StationState;
import com.linetrace.metrics.api.UnknownLineException;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
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
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class LineMetricsIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LineMetrics metrics;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * A small day on a line of its own, every event sent twice: what metrics answers equals what the test counts
     * from the events it sent, over HTTP and in-process, and again from a second instance started afterwards.
     */
    @Test
    void agreesWithCountsFromTheEventsItWasSentEachOnceAndAfterARestart() {
        var day = new Day("M" + ThreadLocalRandom.current().nextInt(10_000, 99_999));
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var t = now.minus(Duration.ofMinutes(20));
        day.released("WO-9" + SEQUENCE.incrementAndGet() % 100_000, 12, t);
        // u1: through the route at the first attempt.
        var u1 = day.unit();
        day.walk(u1, "ASM-1", "ASSEMBLY", 10, "Frame", t, 20, Result.PASS, "TEST", 20);
        day.walk(u1, "TST-1", "TEST", 20, "Flight test", t.plusSeconds(30), 50, Result.PASS, "PACK", 30);
        day.walk(u1, "PCK-1", "PACK", 30, "Pack", t.plusSeconds(90), 10, Result.PASS, null, null);
        day.completed(u1, "PCK-1", t.plusSeconds(100));
        // u2: fails the flight test, is repaired, passes the second time.
        var u2 = day.unit();
        day.walk(u2, "ASM-1", "ASSEMBLY", 10, "Frame", t.plusSeconds(60), 30, Result.PASS, "TEST", 20);
        day.walk(
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
        day.repair(u2, "RPR-1", 20, t.plusSeconds(200), 60);
        day.walk(u2, "TST-1", "TEST", 20, "Flight test", t.plusSeconds(300), 45, Result.PASS, "PACK", 30);
        day.walk(u2, "PCK-1", "PACK", 30, "Pack", t.plusSeconds(400), 12, Result.PASS, null, null);
        day.completed(u2, "PCK-1", t.plusSeconds(412));
        // u3: assembled, waits for a test station; u4: at assembly and held; u5: at assembly.
        var u3 = day.unit();
        day.walk(u3, "ASM-1", "ASSEMBLY", 10, "Frame", t.plusSeconds(120), 40, Result.PASS, "TEST", 20);
        var u4 = day.unit();
        day.arrive(u4, "ASM-1", "ASSEMBLY", 10, "Frame", false, t.plusSeconds(500));
        day.unit(u4, "ASM-1", t.plusSeconds(510), new UnitHeld("Scratched arm"));
        var u5 = day.unit();
        day.arrive(u5, "ASM-1", "ASSEMBLY", 10, "Frame", false, now.minusSeconds(5));
        // u6: fails assembly just now and waits for the repair station, which has been quiet for a quarter hour.
        var u6 = day.unit();
        day.walk(
                u6,
                "ASM-1",
                "ASSEMBLY",
                10,
                "Frame",
                now.minusSeconds(40),
                30,
                Result.FAIL,
                "REPAIR",
                10,
                "SCREW-TORQUE");

        day.send();
        day.send();
        var markers = day.markers(t);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(markers) == markers.size());

        var expected = day.expected();
        var overHttp = ApiClient.at(port).as("manager").get("/api/metrics/lines/" + day.line);
        assertThat(overHttp.status()).isEqualTo(200);
        assertAgrees(overHttp.json(), expected);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        "manager", "n/a", AuthorityUtils.createAuthorityList("ROLE_MANAGER")));
        var inProcess = metrics.line(LineId.parse(day.line));
        assertThat(inProcess.topDefects()).isEqualTo(expected.topDefects);
        assertThat(inProcess.thisShift().planned()).isCloseTo(12, Assertions.within(1e-6));
        assertThat(inProcess.thisShift().plannedByNow()).isGreaterThan(0).isLessThan(12);
        assertThat(inProcess.operations().getFirst().cycleTimeP50()).isEqualTo(Duration.ofSeconds(30));
        assertThat(inProcess.operations().getFirst().cycleTimeP90()).isEqualTo(Duration.ofSeconds(37));
        assertThat(inProcess.stations())
                .extracting(LinePerformance.StationPerformance::station)
                .containsExactly("ASM-1", "TST-1", "PCK-1", "RPR-1");
        var states = inProcess.stations().stream()
                .collect(Collectors.toMap(
                        LinePerformance.StationPerformance::station, LinePerformance.StationPerformance::state));
        assertThat(states)
                .containsEntry("ASM-1", StationState.PRODUCTIVE)
                .containsEntry("TST-1", StationState.UNSCHEDULED_DOWN)
                .containsEntry("PCK-1", StationState.STANDBY_STARVED)
                .containsEntry("RPR-1", StationState.UNSCHEDULED_DOWN);

        try (var restarted = new SpringApplicationBuilder(MetricsTestApplication.class)
                .initializers(new RealServers.Initializer())
                .run("--server.port=0")) {
            var second =
                    ((WebServerApplicationContext) restarted).getWebServer().getPort();
            assertAgrees(
                    ApiClient.at(second)
                            .as("manager")
                            .get("/api/metrics/lines/" + day.line)
                            .json(),
                    expected);
        }
    }

    @Test
    void refusesAnUnknownLineABadIdAndStrangers() {
        var manager = ApiClient.at(port).as("manager");
        var unknown = manager.get("/api/metrics/lines/NO-SUCH-LINE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:linetrace:problem:unknown-line");
        var malformed = manager.get("/api/metrics/lines/line-1");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-id");
        assertThat(ApiClient.at(port).get("/api/metrics/lines/L1").status()).isEqualTo(401);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        "quality", "n/a", AuthorityUtils.createAuthorityList("ROLE_QUALITY")));
        Assertions.assertThatThrownBy(() -> metrics.line(LineId.parse("NO-SUCH-LINE")))
                .isInstanceOf(UnknownLineException.class);
    }

    @Test
    void sendsAnUnreadableLineEventToTheDeadLetterTopicAndReadsTheNext() {
        var line = "D" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        var poison = "{\"type\":\"WorkOrderReleased\",\"garbage\":true}".getBytes(StandardCharsets.UTF_8);
        TopicProbe.send(Topics.LINE_EVENTS, line, poison);
        var good = new LineEventEnvelope(
                EventIds.next(),
                1,
                Instant.now(),
                "CA1",
                line,
                null,
                "supervisor",
                new WorkOrderReleased("WO-7" + SEQUENCE.incrementAndGet() % 100_000, "AX4-ENT", 3, null));
        TopicProbe.send(Topics.LINE_EVENTS, line, LineEvent.CODEC.encode(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(Set.of(good.eventId())) == 1);
        var dead = TopicProbe.read(
                Topics.deadLetter(Topics.LINE_EVENTS), Duration.ofSeconds(20), r -> line.equals(r.key()));
        assertThat(dead).anyMatch(r -> line.equals(r.key()) && java.util.Arrays.equals(r.value(), poison));
    }

    private long applied(Set<UUID> eventIds) {
        return jdbc.sql("select count(*) from metrics.inbox where event_id in (:ids)")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }

    private static void assertAgrees(tools.jackson.databind.JsonNode answer, Expected expected) {
        int completed = 0;
        for (var hour : answer.get("last24Hours")) {
            completed += hour.get("completed").asInt();
        }
        assertThat(completed).as("units completed in 24 h").isEqualTo(expected.completed);
        assertThat(answer.get("thisShift").get("completed").asInt()).isEqualTo(expected.completed);
        assertThat(answer.get("inProgress").asInt()).as("in progress").isEqualTo(expected.inProgress);
        assertThat(answer.get("held").asInt()).as("held").isEqualTo(expected.held);
        assertThat(answer.get("firstPassYield").asDouble()).isCloseTo(expected.lineFpy, Assertions.within(1e-9));
        assertThat(answer.get("rolledThroughputYield").asDouble())
                .isCloseTo(expected.rolledYield, Assertions.within(1e-9));
        var fpy = new HashMap<Integer, Double>();
        answer.get("operations")
                .forEach(o -> fpy.put(
                        o.get("operation").asInt(), o.get("firstPassYield").asDouble()));
        assertThat(fpy).isEqualTo(expected.fpyByOperation);
        var working = new HashMap<String, Integer>();
        var waiting = new HashMap<String, Integer>();
        answer.get("stations").forEach(s -> {
            working.put(s.get("station").asString(), s.get("working").asInt());
            waiting.put(s.get("station").asString(), s.get("waiting").asInt());
        });
        assertThat(working).isEqualTo(expected.working);
        assertThat(waiting).isEqualTo(expected.waiting);
        var defects = new ArrayList<LinePerformance.DefectCount>();
        answer.get("topDefects")
                .forEach(d -> defects.add(new LinePerformance.DefectCount(
                        d.get("code").asString(), d.get("count").asInt())));
        assertThat(defects).isEqualTo(expected.topDefects);
    }

    /** What the test counts straight from the events it sent. */
    record Expected(
            int completed,
            int inProgress,
            int held,
            double lineFpy,
            double rolledYield,
            Map<Integer, Double> fpyByOperation,
            Map<String, Integer> working,
            Map<String, Integer> waiting,
            List<LinePerformance.DefectCount> topDefects) {}

    /** The events of a line's day, in the order sent, and the counts a person would make from them. */
    private static final class Day {

        final String line;
        final List<EventEnvelope<UnitEvent>> events = new ArrayList<>();
        final List<LineEventEnvelope> lineEvents = new ArrayList<>();
        final Map<String, String> kinds = new HashMap<>();

        Day(String line) {
            this.line = line;
        }

        Serial unit() {
            var serial = Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
            events.add(envelope(
                    serial,
                    null,
                    Instant.now().minus(Duration.ofHours(1)),
                    new UnitsInitialized("WO-1", "AX4-ENT", 1)));
            return serial;
        }

        void unit(Serial serial, String station, Instant at, UnitEvent body) {
            events.add(envelope(serial, station, at, body));
        }

        void released(String workOrder, int quantity, Instant at) {
            var today = LocalDate.ofInstant(Instant.now(), ZoneId.of("America/Los_Angeles"));
            lineEvents.add(new LineEventEnvelope(
                    EventIds.next(),
                    1,
                    at,
                    "CA1",
                    line,
                    null,
                    "supervisor",
                    new WorkOrderReleased(workOrder, "AX4-ENT", quantity, today)));
        }

        void arrive(Serial serial, String station, String kind, int op, String name, boolean rework, Instant at) {
            kinds.put(station, kind);
            unit(serial, station, at, new UnitsArrived(op, name, rework, kind));
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
            unit(serial, station, done, new WorkCompleted(op, name, result, List.of(defects)));
            if (result == Result.FAIL) {
                unit(serial, station, done, new ReworkRouted(op, 1));
            }
            unit(serial, station, done, new UnitsDeparted(op, nextOp, nextKind));
        }

        void repair(Serial serial, String station, int op, Instant at, int seconds) {
            arrive(serial, station, "REPAIR", op, "Flight test", true, at);
            unit(
                    serial,
                    station,
                    at.plusSeconds(seconds),
                    new WorkCompleted(op, "Repair of Flight test", Result.PASS, List.of()));
            unit(serial, station, at.plusSeconds(seconds), new UnitsDeparted(op, op, "TEST"));
        }

        void completed(Serial serial, String station, Instant at) {
            unit(serial, station, at, new UnitCompleted("WO-1"));
        }

        void send() {
            lineEvents.forEach(e -> TopicProbe.send(Topics.LINE_EVENTS, line, LineEvent.CODEC.encode(e)));
            events.forEach(e -> TopicProbe.send(Topics.UNIT_EVENTS, e.serial().value(), UnitEvent.CODEC.encode(e)));
        }

        /** One last event per unit, sent after both copies of its others: once applied, they all were. */
        Set<UUID> markers(Instant at) {
            var markers = new HashSet<UUID>();
            events.stream().map(EventEnvelope::serial).distinct().toList().forEach(serial -> {
                var marker = envelope(serial, "ASM-1", at, new MaterialsInstalled(10, "FRM-AX4", "L1", null, 1, null));
                TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(marker));
                markers.add(marker.eventId());
            });
            lineEvents.forEach(e -> markers.add(e.eventId()));
            return markers;
        }

        Expected expected() {
            int completed = (int) events.stream()
                    .filter(e -> e.body() instanceof UnitCompleted)
                    .count();
            var last = new HashMap<Serial, EventEnvelope<UnitEvent>>();
            var held = new HashSet<Serial>();
            var firstResults = new HashMap<String, Result>();
            var failed = new HashSet<Serial>();
            var defects = new HashMap<String, Integer>();
            var reworkAt = new HashMap<Serial, String>();
            for (var e : events) {
                switch (e.body()) {
                    case UnitsArrived a -> {
                        last.put(e.serial(), e);
                        if (a.rework()) {
                            reworkAt.put(e.serial(), e.station());
                        } else {
                            reworkAt.remove(e.serial());
                        }
                    }
                    case UnitsDeparted d -> last.put(e.serial(), e);
                    case UnitCompleted c -> last.put(e.serial(), e);
                    case UnitHeld h -> held.add(e.serial());
                    case WorkCompleted w -> {
                        w.defects().forEach(d -> defects.merge(d, 1, Integer::sum));
                        if (w.result() == Result.FAIL) {
                            failed.add(e.serial());
                        }
                        if (!Objects.equals(reworkAt.get(e.serial()), e.station())) {
                            firstResults.putIfAbsent(e.serial().value() + "/" + w.operation(), w.result());
                        }
                    }
                    default -> {}
                }
            }
            var working = new HashMap<String, Integer>();
            var waitingByKind = new HashMap<String, Integer>();
            int inProgress = 0;
            int heldInProgress = 0;
            for (var entry : last.entrySet()) {
                var e = entry.getValue();
                boolean active = e.body() instanceof UnitsArrived
                        || (e.body() instanceof UnitsDeparted d && d.nextOperation() != null);
                if (!active) {
                    continue;
                }
                if (held.contains(entry.getKey())) {
                    heldInProgress++;
                    continue;
                }
                inProgress++;
                if (e.body() instanceof UnitsArrived) {
                    working.merge(e.station(), 1, Integer::sum);
                } else if (e.body() instanceof UnitsDeparted d) {
                    waitingByKind.merge(d.nextStationKind(), 1, Integer::sum);
                }
            }
            var stationsWorking = new HashMap<String, Integer>();
            var stationsWaiting = new HashMap<String, Integer>();
            kinds.forEach((station, kind) -> {
                stationsWorking.put(station, working.getOrDefault(station, 0));
                stationsWaiting.put(station, waitingByKind.getOrDefault(kind, 0));
            });
            var fpy = new HashMap<Integer, Double>();
            firstResults.entrySet().stream()
                    .collect(Collectors.groupingBy(r ->
                            Integer.parseInt(r.getKey().substring(r.getKey().indexOf('/') + 1))))
                    .forEach((op, results) -> fpy.put(
                            op,
                            results.stream()
                                            .filter(r -> r.getValue() == Result.PASS)
                                            .count()
                                    / (double) results.size()));
            double rolled = fpy.values().stream().reduce(1.0, (a, b) -> a * b);
            var completedSerials = events.stream()
                    .filter(e -> e.body() instanceof UnitCompleted)
                    .map(EventEnvelope::serial)
                    .toList();
            double lineFpy =
                    completedSerials.stream().filter(s -> !failed.contains(s)).count()
                            / (double) completedSerials.size();
            var top = defects.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(5)
                    .map(d -> new LinePerformance.DefectCount(d.getKey(), d.getValue()))
                    .toList();
            return new Expected(
                    completed, inProgress, heldInProgress, lineFpy, rolled, fpy, stationsWorking, stationsWaiting, top);
        }

        private EventEnvelope<UnitEvent> envelope(Serial serial, String station, Instant at, UnitEvent body) {
            return new EventEnvelope<>(EventIds.next(), 1, at, "CA1", line, station, serial, "operator", body);
        }
    }
}
