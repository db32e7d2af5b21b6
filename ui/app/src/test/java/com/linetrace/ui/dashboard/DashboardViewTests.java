package com.linetrace.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.line.AndonCleared;
import com.linetrace.contracts.line.AndonRaised;
import com.linetrace.contracts.line.AndonRule;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.metrics.api.AlertAcknowledgement;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.StationState;
import com.linetrace.metrics.api.UnknownLineException;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.live.LiveLineEvents;
import com.linetrace.ui.live.LiveUnitEvents;
import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class DashboardViewTests extends BrowserlessTest {

    private static final Serial FIRST = Serial.issue("LTRC", 1, 9);
    private static final Serial SECOND = Serial.issue("LTRC", 2, 9);
    private static final Instant NOW = Instant.parse("2026-12-01T17:30:00Z");
    private static final Viewer SUPERVISOR = new Viewer("supervisor", Set.of(Roles.SUPERVISOR));

    private final Tracking tracking = new Tracking();
    private final Trace trace = new Trace();
    private final Live live = new Live();
    private final Metrics metrics = new Metrics();
    private LineBoards boards;
    private DashboardView view;

    @BeforeEach
    void openDashboard() {
        metrics.performance = performance(3, NOW.minusSeconds(5));
        trace.latest.add(entry(FIRST, "PASS at op 10 Frame and arms", Instant.parse("2026-11-25T08:00:02Z")));
        trace.latest.add(entry(FIRST, "Checked in for op 10 Frame and arms", Instant.parse("2026-11-25T08:00:01Z")));
        boards = new LineBoards(metrics, live, live, UiSettings.defaults());
        view = new DashboardView(tracking, trace, live, boards, metrics, UiSettings.defaults(), SUPERVISOR);
        UI.getCurrent().add(view);
        until(() -> "3 / 4".equals(text("this-hour")));
    }

    @AfterEach
    void closeBoards() {
        boards.destroy();
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    /** The board answers on its own thread; the view takes it in the UI's lock, at the next round trip. */
    private void until(java.util.concurrent.Callable<Boolean> condition) {
        await().pollInSameThread()
                .ignoreException(java.util.NoSuchElementException.class)
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    // The board's pushes wait in the session's access queue; a browser's round trip would run them.
                    var session = com.vaadin.flow.server.VaadinSession.getCurrent();
                    session.getService().runPendingAccessTasks(session);
                    roundTrip();
                    return condition.call();
                });
    }

    @Test
    void showsOutputAgainstPlanWipAndYieldOfTheDefaultLine() {
        assertThat(text("this-shift")).isEqualTo("25 / 30");
        assertThat(text("shift-name")).isEqualTo("Day 06:00–14:30, plan 62");
        assertThat(text("completed-today")).isEqualTo("25");
        assertThat(text("in-progress")).isEqualTo("6");
        assertThat(text("held")).isEqualTo("1");
        assertThat(text("first-pass-yield")).isEqualTo("92.0 %");
        assertThat(text("rolled-throughput-yield")).isEqualTo("88.5 %");
        assertThat(text("last-unit")).isEqualTo("2 min");
        assertThat(metrics.asked).containsOnly("L1");
    }

    @Test
    void showsStationsInFlowOrderWithStateAndWipInTableAndChart() {
        var grid = test($(Grid.class).id("station-loads"));
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 0)).isEqualTo("ASM-1");
        assertThat(grid.getCellText(0, 3)).isEqualTo("1");
        assertThat(grid.getCellText(0, 4)).isEqualTo("3");
        assertThat(grid.getCellText(1, 0)).isEqualTo("TST-1");
        assertThat(grid.getCellText(1, 8)).isEqualTo("15 min");
        assertThat(view.shownPerformance().stations().get(1).state()).isEqualTo(StationState.UNSCHEDULED_DOWN);
        assertThat(chart("units-chart")).contains("\"ASM-1\",\"TST-1\"").contains("[1,0]", "[3,2]");
        assertThat(chart("throughput-chart")).contains("\"Plan\"");
        assertThat(chart("yield-chart")).contains("[95.0,80.0]");
        assertThat(chart("defects-chart")).contains("\"IMU-CAL-FAIL\",\"MTR-CURRENT-HIGH\"");
    }

    private String chart(String id) {
        return $(EChart.class).id(id).option();
    }

    @Test
    void listsTheLatestEventsNewestFirst() {
        assertThat(view.shownEvents())
                .extracting(HistoryEntry::summary)
                .containsExactly("PASS at op 10 Frame and arms", "Checked in for op 10 Frame and arms");
    }

    @Test
    void asksMetricsOnceForABurstOfEventsAndPushesTheAnswer() {
        int before = metrics.calls.get();
        metrics.performance = performance(4, Instant.now().plusSeconds(3600));

        for (int i = 0; i < 4; i++) {
            live.publish(event("L1", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        }
        until(() -> "4 / 4".equals(text("this-hour")));

        assertThat(metrics.calls.get() - before).isEqualTo(1);
        assertThat(view.shownEvents().getFirst().summary()).isEqualTo("Checked in for op 10 Frame and arms");
        assertThat(view.shownEvents().getFirst().serial()).isEqualTo(SECOND.value());
    }

    @Test
    void sharesOneComputationOfALineBetweenEveryOpenDashboard() {
        var otherDashboard = new java.util.concurrent.CopyOnWriteArrayList<LineBoards.Snapshot>();
        var watching = boards.watch(
                "L1",
                org.springframework.security.core.context.SecurityContextHolder::createEmptyContext,
                otherDashboard::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> otherDashboard.size() == 1);
        int before = metrics.calls.get();
        metrics.performance = performance(5, Instant.now().plusSeconds(3600));

        live.publish(event("L1", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        until(() -> "5 / 4".equals(text("this-hour")));

        await().atMost(Duration.ofSeconds(10)).until(() -> otherDashboard.size() == 2);
        assertThat(otherDashboard.getLast().performance().thisHour().completed())
                .isEqualTo(5);
        assertThat(metrics.calls.get() - before).isEqualTo(1);
        watching.remove();
    }

    @Test
    void asksAgainUntilMetricsHasAppliedTheLatestEvent() {
        int before = metrics.calls.get();
        // Metrics has not applied the event yet: its answer is older than the event.
        metrics.performance = performance(3, Instant.now().minusSeconds(60));
        metrics.after = 2;
        metrics.next = performance(6, Instant.now().plusSeconds(60));

        live.publish(event("L1", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        until(() -> "6 / 4".equals(text("this-hour")));

        assertThat(metrics.calls.get() - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void saysSoWhenMetricsHasNothingOfTheLine() {
        metrics.unknown = true;
        view.getElement().removeFromParent();
        boards.destroy();
        boards = new LineBoards(metrics, live, live, UiSettings.defaults());
        view = new DashboardView(tracking, trace, live, boards, metrics, UiSettings.defaults(), SUPERVISOR);
        UI.getCurrent().add(view);

        until(() -> $(Span.class).id("measured-nothing").isVisible());
        assertThat(text("this-hour")).isEqualTo("–");
    }

    @Test
    void keepsTheLastNumbersAndSaysWhyWhenMetricsIsNotReachable() {
        var taken = new java.util.concurrent.CopyOnWriteArrayList<LineBoards.Snapshot>();
        var watching = boards.watch(
                "L1", org.springframework.security.core.context.SecurityContextHolder::createEmptyContext, taken::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> taken.size() == 1);
        metrics.unreachable = true;

        live.publish(event("L1", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));

        await().atMost(Duration.ofSeconds(10)).until(() -> taken.getLast().problem() != null);
        assertThat(taken.getLast().problem()).startsWith("The metrics service is not reachable");
        assertThat(taken.getLast().performance().thisHour().completed()).isEqualTo(3);
        watching.remove();
    }

    @Test
    void showsAnEventOnlyOnceWhenItWasLoadedAndThenArrivesLive() {
        var event = event("L1", FIRST, new WorkCompleted(10, "Frame and arms", WorkCompleted.Result.PASS, List.of()));
        trace.latest.clear();
        trace.latest.add(EventSummaries.entry(event));
        UI.getCurrent().remove(view);
        UI.getCurrent().add(view);

        live.publish(event);
        roundTrip();

        assertThat(view.shownEvents()).hasSize(1);
    }

    @Test
    void ignoresEventsOfOtherLines() {
        int before = metrics.calls.get();
        live.publish(event("L2", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        roundTrip();

        assertThat(view.shownEvents()).hasSize(2);
        assertThat(metrics.calls.get()).isEqualTo(before);
    }

    @Test
    void showsAnAndonAlertAsSoonAsItIsRaisedAndTakesASupervisorsAcknowledgement() {
        assertThat(view.andon().isVisible()).as("no alert yet").isFalse();
        int before = metrics.calls.get();
        var alert = new AndonAlert(
                UUID.randomUUID(),
                "L1",
                "TST-1",
                AndonRule.STATION_STALLED,
                "TST-1",
                "TST-1 has work and no event for 12 min",
                NOW.minusSeconds(60),
                null,
                null,
                null,
                null);
        metrics.performance = performance(3, Instant.now().plusSeconds(3600), List.of(alert));

        // The alert's line event reaches the board: it asks metrics at once, not at the next refresh.
        live.publish(new LineEventEnvelope(
                UUID.randomUUID(),
                1,
                Instant.now(),
                "CA1",
                "L1",
                "TST-1",
                "metrics-andon",
                new AndonRaised(alert.id(), alert.rule(), alert.subject(), alert.message())));
        until(() -> view.andon().isVisible());
        assertThat(metrics.calls.get() - before).isEqualTo(1);
        var row = view.andon().getChildren().findFirst().orElseThrow();
        assertThat(row.getElement().getAttribute("data-rule")).isEqualTo("STATION_STALLED");
        assertThat(row.getElement().getText() + row.getElement().getTextRecursively())
                .contains("Station stalled", "TST-1 has work and no event for 12 min");

        // A supervisor acknowledges it with a comment: the button asks for it, metrics takes it, the board shows it.
        test($(Button.class).withClassName("andon-acknowledge").first()).click();
        var confirm = $(Button.class).id("andon-confirm");
        assertThat(confirm.isEnabled()).as("no comment yet").isFalse();
        test($(TextArea.class).id("andon-comment")).setValue("Motor driver swapped, back in 5 min");
        test(confirm).click();
        assertThat(metrics.acknowledgements).containsExactly("Motor driver swapped, back in 5 min");
        until(() -> view.andon().shownAlerts().getFirst().acknowledged());
        assertThat(view.andon().getElement().getTextRecursively())
                .contains("Acknowledged by supervisor: Motor driver swapped, back in 5 min");
        assertThat($(Button.class).withClassName("andon-acknowledge").all()).isEmpty();

        // The cause is gone: cleared, the band goes.
        metrics.performance = performance(3, Instant.now().plusSeconds(3600));
        live.publish(new LineEventEnvelope(
                UUID.randomUUID(),
                1,
                Instant.now(),
                "CA1",
                "L1",
                "TST-1",
                "metrics-andon",
                new AndonCleared(alert.id(), "TST-1 has events again")));
        until(() -> !view.andon().isVisible());
    }

    @Test
    void offersNoAcknowledgementToAManager() {
        var alert = new AndonAlert(
                UUID.randomUUID(),
                "L1",
                null,
                AndonRule.LOT_QUARANTINED,
                "MTR/LOT-1",
                "Lot quarantined",
                NOW,
                null,
                null,
                null,
                null);
        metrics.performance = performance(7, Instant.now().plusSeconds(3600), List.of(alert));
        UI.getCurrent().remove(view);
        var manager = new DashboardView(
                tracking,
                trace,
                live,
                boards,
                metrics,
                UiSettings.defaults(),
                new Viewer("manager", Set.of(Roles.MANAGER)));
        UI.getCurrent().add(manager);
        boards.refresh("L1");
        until(() -> manager.andon().isVisible());
        assertThat($(Button.class).withClassName("andon-acknowledge").all()).isEmpty();
    }

    @Test
    void stopsListeningWhenClosed() {
        // The view's own subscription and the line boards' one.
        assertThat(live.listeners).hasSize(2);

        UI.getCurrent().remove(view);

        assertThat(live.listeners).hasSize(1);
        assertThat(boards.computations("L1")).isZero();
    }

    private static LinePerformance performance(int thisHour, Instant lastEventAt) {
        return performance(thisHour, lastEventAt, List.of());
    }

    private static LinePerformance performance(int thisHour, Instant lastEventAt, List<AndonAlert> alerts) {
        return new LinePerformance(
                "L1",
                NOW,
                "America/Los_Angeles",
                new LinePerformance.Shift(
                        "Day", Instant.parse("2026-12-01T14:00:00Z"), Instant.parse("2026-12-01T22:30:00Z")),
                new LinePerformance.Output(thisHour, 4, 3.6),
                new LinePerformance.Output(25, 62, 30.2),
                25,
                6,
                1,
                0.92,
                0.885,
                NOW.minusSeconds(150),
                lastEventAt,
                List.of(
                        new LinePerformance.StationPerformance(
                                "ASM-1", "ASSEMBLY", 1, 3, StationState.PRODUCTIVE, 4, 20, 0.95, NOW.minusSeconds(5)),
                        new LinePerformance.StationPerformance(
                                "TST-1",
                                "TEST",
                                0,
                                2,
                                StationState.UNSCHEDULED_DOWN,
                                0,
                                18,
                                0.8,
                                NOW.minusSeconds(900))),
                List.of(new LinePerformance.OperationPerformance(
                        10, "Frame and arms", 20, 19, 0.95, Duration.ofSeconds(40), Duration.ofSeconds(55))),
                java.util.stream.IntStream.range(0, 24)
                        .mapToObj(i -> new LinePerformance.HourlyOutput(
                                Instant.parse("2026-11-30T18:00:00Z").plus(Duration.ofHours(i)), i % 5, 3.5))
                        .toList(),
                List.of(
                        new LinePerformance.DefectCount("MTR-CURRENT-HIGH", 3),
                        new LinePerformance.DefectCount("IMU-CAL-FAIL", 1)),
                alerts);
    }

    private static EventEnvelope<UnitEvent> event(String line, Serial serial, UnitEvent body) {
        return new EventEnvelope<>(UUID.randomUUID(), 1, Instant.now(), "PLANT", line, "ASM-1", serial, "op1", body);
    }

    private static HistoryEntry entry(Serial serial, String summary, Instant at) {
        return new HistoryEntry(UUID.randomUUID(), "WorkCompleted", at, "L1", "ASM-1", serial.value(), "op1", summary);
    }

    private static final class Metrics implements LineMetrics {
        volatile LinePerformance performance;
        volatile LinePerformance next;
        volatile int after;
        volatile boolean unknown;
        volatile boolean unreachable;
        final AtomicInteger calls = new AtomicInteger();
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public LinePerformance line(LineId line) {
            asked.add(line.value());
            int call = calls.incrementAndGet();
            if (unknown) {
                throw UnknownLineException.of(line);
            }
            if (unreachable) {
                throw new com.linetrace.ui.remote.ServiceUnreachableException("metrics", "no connection");
            }
            if (next != null && after > 0 && --after == 0) {
                performance = next;
            }
            return performance;
        }

        final List<String> acknowledgements = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public AndonAlert acknowledge(UUID alert, AlertAcknowledgement acknowledgement) {
            var open = performance.alerts().stream()
                    .filter(a -> a.id().equals(alert))
                    .findFirst()
                    .orElseThrow(() -> MetricsProblem.UNKNOWN_ALERT.exception("No andon alert has the id " + alert));
            if (open.acknowledged()) {
                throw MetricsProblem.ALERT_ACKNOWLEDGED.exception(
                        "The alert was acknowledged by " + open.acknowledgedBy());
            }
            acknowledgements.add(acknowledgement.comment());
            var done = new AndonAlert(
                    open.id(),
                    open.line(),
                    open.station(),
                    open.rule(),
                    open.subject(),
                    open.message(),
                    open.raisedAt(),
                    Instant.now(),
                    "supervisor",
                    acknowledgement.comment(),
                    null);
            performance = performance(performance.thisHour().completed(), performance.lastEventAt(), List.of(done));
            return done;
        }

        @Override
        public com.linetrace.metrics.api.IssuedWallboard issueWallboard(
                com.linetrace.metrics.api.WallboardRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<com.linetrace.metrics.api.Wallboard> wallboards() {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.linetrace.metrics.api.Wallboard revokeWallboard(UUID wallboard) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LinePerformance wallboard(@org.jspecify.annotations.Nullable String token) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Tracking implements StationOperations {
        @Override
        public LineStatus lineStatus(LineId lineId) {
            throw new AssertionError("the dashboard asks metrics, not tracking, for a line's numbers");
        }

        @Override
        public List<StationInfo> stations() {
            return List.of(new StationInfo("ASM-1", "L1", "ASSEMBLY", 1, "Assembly 1"));
        }

        @Override
        public ScanVerdict checkIn(StationId stationId, CheckIn scan) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScanVerdict checkOut(StationId stationId, CheckOut checkOut) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScanVerdict installPart(StationId stationId, PartScan part) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.linetrace.tracking.api.Work work(StationId stationId, Serial serial) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ScanVerdict> recentScans(StationId stationId, int limit) {
            return List.of();
        }
    }

    private static final class Trace implements UnitHistory {
        final List<HistoryEntry> latest = new ArrayList<>();

        @Override
        public List<HistoryEntry> history(Serial serial) {
            return List.of();
        }

        @Override
        public List<HistoryEntry> latest(LineId lineId, int limit) {
            return latest.stream().limit(limit).toList();
        }
    }

    /** Delivers on the test's thread, as the broadcaster would on its own. */
    private static final class Live implements LiveUnitEvents, LiveLineEvents {
        final List<Consumer<EventEnvelope<UnitEvent>>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Consumer<LineEventEnvelope>> lineListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Registration subscribeToLines(Consumer<LineEventEnvelope> listener) {
            lineListeners.add(listener);
            return () -> lineListeners.remove(listener);
        }

        void publish(LineEventEnvelope event) {
            List.copyOf(lineListeners).forEach(listener -> listener.accept(event));
        }

        @Override
        public Registration subscribe(Consumer<EventEnvelope<UnitEvent>> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void publish(EventEnvelope<UnitEvent> event) {
            List.copyOf(listeners).forEach(listener -> listener.accept(event));
        }
    }
}
