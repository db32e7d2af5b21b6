package com.linetrace.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.LineStatus.StationLoad;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.live.LiveUnitEvents;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class DashboardViewTests extends BrowserlessTest {

    private static final Serial FIRST = Serial.issue("LTRC", 1, 9);
    private static final Serial SECOND = Serial.issue("LTRC", 2, 9);

    private final Tracking tracking = new Tracking();
    private final Trace trace = new Trace();
    private final Live live = new Live();
    private DashboardView view;

    @BeforeEach
    void openDashboard() {
        tracking.status = new LineStatus(
                "L1",
                List.of(
                        new StationLoad("ASM-1", "ASSEMBLY", "Assembly 1", 1, 3),
                        new StationLoad("FW-1", "FIRMWARE_FLASH", "Firmware 1", 0, 2)),
                6,
                1,
                12);
        trace.latest.add(entry(FIRST, "PASS at op 10 Frame and arms", Instant.parse("2026-11-25T08:00:02Z")));
        trace.latest.add(entry(FIRST, "Checked in for op 10 Frame and arms", Instant.parse("2026-11-25T08:00:01Z")));
        view = new DashboardView(tracking, trace, live, UiSettings.defaults());
        UI.getCurrent().add(view);
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    @Test
    void showsTodaysTotalsOfTheDefaultLine() {
        assertThat(text("in-progress")).isEqualTo("6");
        assertThat(text("held")).isEqualTo("1");
        assertThat(text("completed-today")).isEqualTo("12");
        assertThat(tracking.asked).containsOnly("L1");
    }

    @Test
    void showsWorkingAndWaitingUnitsOfEachStationInTableAndChart() {
        var grid = test($(Grid.class).id("station-loads"));
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 0)).isEqualTo("ASM-1");
        assertThat(grid.getCellText(0, 3)).isEqualTo("1");
        assertThat(grid.getCellText(0, 4)).isEqualTo("3");
        assertThat($(UnitsChart.class).single().loads()).isEqualTo(tracking.status.stations());
    }

    @Test
    void listsTheLatestEventsNewestFirst() {
        assertThat(view.shownEvents())
                .extracting(HistoryEntry::summary)
                .containsExactly("PASS at op 10 Frame and arms", "Checked in for op 10 Frame and arms");
    }

    @Test
    void updatesTotalsAndPutsTheEventOnTopWhenAUnitEventArrives() {
        tracking.status = new LineStatus("L1", tracking.status.stations(), 7, 1, 12);

        live.publish(event("L1", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        roundTrip();

        assertThat(text("in-progress")).isEqualTo("7");
        assertThat(view.shownEvents().getFirst().summary()).isEqualTo("Checked in for op 10 Frame and arms");
        assertThat(view.shownEvents().getFirst().serial()).isEqualTo(SECOND.value());
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
        live.publish(event("L2", SECOND, new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        roundTrip();

        assertThat(view.shownEvents()).hasSize(2);
    }

    @Test
    void stopsListeningWhenClosed() {
        assertThat(live.listeners).hasSize(1);

        UI.getCurrent().remove(view);

        assertThat(live.listeners).isEmpty();
    }

    private static EventEnvelope<UnitEvent> event(String line, Serial serial, UnitEvent body) {
        return new EventEnvelope<>(UUID.randomUUID(), 1, Instant.now(), "PLANT", line, "ASM-1", serial, "op1", body);
    }

    private static HistoryEntry entry(Serial serial, String summary, Instant at) {
        return new HistoryEntry(UUID.randomUUID(), "WorkCompleted", at, "L1", "ASM-1", serial.value(), "op1", summary);
    }

    private static final class Tracking implements StationOperations {
        LineStatus status;
        final List<String> asked = new ArrayList<>();

        @Override
        public LineStatus lineStatus(LineId lineId) {
            asked.add(lineId.value());
            return status;
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
        public List<HistoryEntry> latest(String lineId, int limit) {
            return latest.stream().limit(limit).toList();
        }
    }

    /** Delivers on the test's thread, as the broadcaster would on its own. */
    private static final class Live implements LiveUnitEvents {
        final List<Consumer<EventEnvelope<UnitEvent>>> listeners = new ArrayList<>();

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
