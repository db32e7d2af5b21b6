package com.linetrace.ui.dashboard;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.LinePerformance.Output;
import com.linetrace.metrics.api.LinePerformance.StationPerformance;
import com.linetrace.metrics.api.StationState;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.live.LiveUnitEvents;
import com.linetrace.ui.security.Viewer;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Style;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A line at a glance: output this hour and this shift against plan, WIP, yield, station states in flow order,
 * throughput over 24 hours, yield per station and top defects, from metrics; and the latest events. The numbers come
 * from the line's shared board ({@link LineBoards}: one computation per line for every open dashboard), pushed here
 * without a reload; the latest events come from trace when it opens, then live.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Line dashboard · LineTrace")
@Menu(order = 1, title = "Line dashboard")
@RolesAllowed({Roles.MANAGER, Roles.SUPERVISOR, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN, Roles.OPERATOR})
class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final UnitHistory history;
    private final LiveUnitEvents live;
    private final LineBoards boards;
    private final int latestShown;

    private final ComboBox<String> lineSelect = new ComboBox<>("Line");
    private final Span thisHour = total("this-hour");
    private final Span thisShift = total("this-shift");
    private final Span shiftName = caption("shift-name");
    private final Span completedToday = total("completed-today");
    private final Span inProgress = total("in-progress");
    private final Span held = total("held");
    private final Span firstPassYield = total("first-pass-yield");
    private final Span rolledYield = total("rolled-throughput-yield");
    private final Span lastUnit = total("last-unit");
    private final Span measuredNothing = new Span();
    private final Grid<StationPerformance> stations = new Grid<>();
    private final EChart wipChart = new EChart("units-chart", "280px");
    private final EChart throughputChart = new EChart("throughput-chart", "280px");
    private final EChart yieldChart = new EChart("yield-chart", "240px");
    private final EChart defectsChart = new EChart("defects-chart", "240px");
    private final Div lastEvents = new Div();
    private final AndonPanel andon;

    private final LinkedList<HistoryEntry> events = new LinkedList<>();
    private final Set<UUID> eventIds = new HashSet<>();

    /** The line shown; read by the live listener off the UI's lock. */
    private volatile String lineId;

    private @Nullable LinePerformance shown;
    private @Nullable Registration liveEvents;
    private @Nullable Registration board;

    @Autowired
    DashboardView(
            StationOperations operations,
            UnitHistory history,
            LiveUnitEvents live,
            LineBoards boards,
            LineMetrics metrics,
            UiSettings settings,
            AuthenticationContext authentication) {
        this(operations, history, live, boards, metrics, settings, Viewer.of(authentication));
    }

    DashboardView(
            StationOperations operations,
            UnitHistory history,
            LiveUnitEvents live,
            LineBoards boards,
            LineMetrics metrics,
            UiSettings settings,
            Viewer viewer) {
        this.history = history;
        // Supervisors acknowledge alerts; metrics checks the role again.
        this.andon = new AndonPanel(
                viewer.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN) ? metrics : null,
                acknowledged -> boards.refresh(acknowledged.line()),
                "1.1rem");
        this.live = live;
        this.boards = boards;
        this.latestShown = settings.latestEvents();
        this.lineId = settings.defaultLine();
        setWidthFull();

        var lines = new ArrayList<>(operations.stations().stream()
                .map(StationInfo::lineId)
                .distinct()
                .sorted()
                .toList());
        if (!lines.contains(lineId)) {
            lines.addFirst(lineId);
        }
        lineSelect.setId("line-select");
        lineSelect.setItems(lines);
        lineSelect.setValue(lineId);
        lineSelect.addValueChangeListener(change -> {
            if (change.getValue() != null && !change.getValue().equals(lineId)) {
                lineId = change.getValue();
                watch(UI.getCurrent());
                reloadEvents();
            }
        });

        var hourTile = tile("This hour (done / plan so far)", thisHour);
        var shiftTile = tile("This shift", thisShift);
        shiftTile.add(shiftName);
        var totals = new FlexLayout(
                hourTile,
                shiftTile,
                tile("Completed today", completedToday),
                tile("In progress", inProgress),
                tile("Held", held),
                tile("First-pass yield (24 h)", firstPassYield),
                tile("Rolled throughput yield", rolledYield),
                tile("Last unit", lastUnit));
        totals.getStyle().setGap("var(--lumo-space-m)");
        totals.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        measuredNothing.setId("measured-nothing");
        measuredNothing.setVisible(false);

        stations.setId("station-loads");
        stations.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        stations.addColumn(StationPerformance::station).setHeader("Station").setAutoWidth(true);
        stations.addColumn(s -> Objects.requireNonNullElse(s.kind(), ""))
                .setHeader("Kind")
                .setAutoWidth(true);
        stations.addComponentColumn(DashboardView::state).setHeader("State").setAutoWidth(true);
        stations.addColumn(StationPerformance::working).setHeader("Working").setAutoWidth(true);
        stations.addColumn(StationPerformance::waiting).setHeader("Waiting").setAutoWidth(true);
        stations.addColumn(StationPerformance::completedThisHour)
                .setHeader("Done this hour")
                .setAutoWidth(true);
        stations.addColumn(StationPerformance::completedThisShift)
                .setHeader("Done this shift")
                .setAutoWidth(true);
        stations.addColumn(s -> percent(s.firstPassYield())).setHeader("FPY").setAutoWidth(true);
        stations.addColumn(s -> quietFor(s.lastEventAt()))
                .setHeader("Quiet for")
                .setAutoWidth(true);
        stations.setAllRowsVisible(true);

        lastEvents.setId("last-events");
        lastEvents.setWidthFull();

        var charts = new FlexLayout(
                titled("WIP per station", wipChart),
                titled("Throughput per hour, 24 h", throughputChart),
                titled("First-pass yield per station, 24 h", yieldChart),
                titled("Top defects, 24 h", defectsChart));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        var loads = new VerticalLayout(stations, charts);
        loads.setPadding(false);
        var eventsColumn = new VerticalLayout(new H3("Latest events"), lastEvents);
        eventsColumn.setPadding(false);
        var body = new HorizontalLayout(loads, eventsColumn);
        body.setWidthFull();
        body.setFlexGrow(3, loads);
        body.setFlexGrow(1, eventsColumn);

        add(lineSelect, andon, totals, measuredNothing, body);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        reloadEvents();
        watch(ui);
        liveEvents = live.subscribe(event -> onEvent(ui, event));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (liveEvents != null) {
            liveEvents.remove();
            liveEvents = null;
        }
        if (board != null) {
            board.remove();
            board = null;
        }
    }

    /** Follows the shown line's board: its numbers arrive on the board's thread and change the view in the UI's lock. */
    private void watch(UI ui) {
        if (board != null) {
            board.remove();
        }
        var line = lineId;
        board = boards.watch(
                line,
                LineBoards.viewer(),
                snapshot -> ui.access(() -> {
                    if (snapshot.line().equals(lineId)) {
                        show(snapshot);
                    }
                }));
    }

    /** Runs on the broadcaster's thread: no call to any service; the view changes only inside the UI's lock. */
    private void onEvent(UI ui, EventEnvelope<UnitEvent> event) {
        var line = lineId;
        if (!event.line().equals(line)) {
            return;
        }
        var entry = EventSummaries.entry(event);
        ui.access(() -> {
            if (line.equals(lineId)) {
                prepend(List.of(entry));
            }
        });
    }

    private void reloadEvents() {
        events.clear();
        eventIds.clear();
        lastEvents.removeAll();
        prepend(history.latest(LineId.parse(lineId), latestShown).reversed());
    }

    private void show(LineBoards.Snapshot snapshot) {
        var performance = snapshot.performance();
        shown = performance;
        measuredNothing.setVisible(performance == null || snapshot.problem() != null);
        measuredNothing.setText(
                snapshot.problem() != null
                        ? snapshot.problem()
                        : "No unit of line " + snapshot.line() + " has reached a station yet.");
        if (performance == null) {
            List.of(thisHour, thisShift, completedToday, inProgress, held, firstPassYield, rolledYield, lastUnit)
                    .forEach(total -> total.setText("–"));
            shiftName.setText("");
            stations.setItems(List.of());
            andon.show(List.of(), ZoneId.systemDefault());
            return;
        }
        andon.show(performance.alerts(), ZoneId.of(performance.timeZone()));
        thisHour.setText(output(performance.thisHour()));
        var shift = performance.shift();
        thisShift.setText(shift == null ? "–" : output(performance.thisShift()));
        var zone = ZoneId.of(performance.timeZone());
        shiftName.setText(
                shift == null
                        ? "between shifts"
                        : shift.name() + " " + hhmm(shift.start(), zone) + "–" + hhmm(shift.end(), zone) + ", plan "
                                + whole(performance.thisShift().planned()));
        completedToday.setText(Integer.toString(performance.completedToday()));
        inProgress.setText(Integer.toString(performance.inProgress()));
        held.setText(Integer.toString(performance.held()));
        firstPassYield.setText(percent(performance.firstPassYield()));
        rolledYield.setText(percent(performance.rolledThroughputYield()));
        lastUnit.setText(performance.lastUnitAt() == null ? "–" : ago(performance.lastUnitAt(), performance.at()));
        stations.setItems(performance.stations());
        wipChart.show(DashboardCharts.wip(performance.stations()));
        throughputChart.show(DashboardCharts.throughput(performance.last24Hours(), zone));
        yieldChart.show(DashboardCharts.yield(performance.stations()));
        defectsChart.show(DashboardCharts.defects(performance));
    }

    /** Puts entries, oldest first, on top of the list; an event already listed (loaded and then live) is skipped. */
    private void prepend(List<HistoryEntry> oldestFirst) {
        for (var entry : oldestFirst) {
            if (eventIds.add(entry.eventId())) {
                events.addFirst(entry);
                lastEvents.addComponentAsFirst(row(entry));
            }
        }
        while (events.size() > latestShown) {
            eventIds.remove(events.removeLast().eventId());
            lastEvents.getComponentAt(lastEvents.getComponentCount() - 1).removeFromParent();
        }
    }

    List<HistoryEntry> shownEvents() {
        return List.copyOf(events);
    }

    AndonPanel andon() {
        return andon;
    }

    @Nullable
    LinePerformance shownPerformance() {
        return shown;
    }

    private String quietFor(@Nullable Instant lastEventAt) {
        return lastEventAt == null || shown == null ? "–" : ago(lastEventAt, shown.at());
    }

    private static Span state(StationPerformance station) {
        var state = station.state();
        var badge = new Span(words(state));
        badge.getElement().setAttribute("data-state", state.name());
        badge.getElement().setAttribute("data-station", station.station());
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (state) {
                            case PRODUCTIVE -> "success";
                            case STANDBY_STARVED, STANDBY_BLOCKED -> "contrast";
                            case UNSCHEDULED_DOWN -> "error primary";
                        });
        return badge;
    }

    private static String words(StationState state) {
        return switch (state) {
            case PRODUCTIVE -> "Productive";
            case STANDBY_STARVED -> "Starved";
            case STANDBY_BLOCKED -> "Blocked";
            case UNSCHEDULED_DOWN -> "Down";
        };
    }

    private static String output(Output output) {
        return output.completed() + " / " + whole(output.plannedByNow());
    }

    private static String whole(double units) {
        return String.format(Locale.ROOT, "%.0f", units);
    }

    private static String percent(@Nullable Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String hhmm(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
    }

    private static String ago(Instant then, Instant now) {
        var quiet = Duration.between(then, now);
        if (quiet.isNegative() || quiet.toSeconds() < 60) {
            return Math.max(0, quiet.toSeconds()) + " s";
        }
        if (quiet.toMinutes() < 120) {
            return quiet.toMinutes() + " min";
        }
        return quiet.toHours() + " h";
    }

    private static Div row(HistoryEntry entry) {
        var row = new Div();
        row.addClassName("event");
        row.getElement().setAttribute("data-serial", entry.serial());
        var when = new Span(TIME.format(entry.occurredAt()));
        when.getStyle().setColor("var(--lumo-secondary-text-color)").setMarginRight("var(--lumo-space-s)");
        var where = new Span(entry.serial() + " @ " + Objects.requireNonNullElse(entry.station(), entry.line()) + " ");
        where.getStyle().setFontWeight("600");
        row.add(when, where, new Span(entry.summary()));
        row.getStyle().setPadding("var(--lumo-space-xs) 0").setBorderBottom("1px solid var(--lumo-contrast-10pct)");
        return row;
    }

    private static Span total(String id) {
        var value = new Span("–");
        value.setId(id);
        value.getStyle().setFontSize("2.5rem").setFontWeight("700");
        return value;
    }

    private static Span caption(String id) {
        var caption = new Span();
        caption.setId(id);
        caption.getStyle().setDisplay(Style.Display.BLOCK).setColor("var(--lumo-secondary-text-color)");
        return caption;
    }

    private static Div tile(String label, Span value) {
        var caption = new Span(label);
        caption.getStyle().setDisplay(Style.Display.BLOCK).setColor("var(--lumo-secondary-text-color)");
        var tile = new Div(caption, value);
        tile.getStyle()
                .setPadding("var(--lumo-space-m) var(--lumo-space-l)")
                .setBorderRadius("var(--lumo-border-radius-l)")
                .setBackgroundColor("var(--lumo-contrast-5pct)")
                .setMinWidth("10em");
        return tile;
    }

    private static Div titled(String title, EChart chart) {
        var heading = new Span(title);
        heading.getStyle().setFontWeight("600");
        var box = new Div(heading, chart);
        box.getStyle().setFlexGrow("1").setFlexBasis("28em").setMinWidth("20em");
        return box;
    }
}
