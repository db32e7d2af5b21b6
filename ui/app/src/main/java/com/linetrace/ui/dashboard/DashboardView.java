package com.linetrace.ui.dashboard;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.LineStatus.StationLoad;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.live.LiveUnitEvents;
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
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A line at a glance: units working and waiting at each station, today's totals and the latest events. It opens
 * with what tracking and trace know, then follows the line live: each unit event of the line re-reads the line's
 * status from tracking and is put on top of the event list, pushed to the browser without a reload.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Line dashboard · LineTrace")
@Menu(order = 1, title = "Line dashboard")
@RolesAllowed({Roles.MANAGER, Roles.SUPERVISOR, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN, Roles.OPERATOR})
class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final StationOperations operations;
    private final UnitHistory history;
    private final LiveUnitEvents live;
    private final int latestShown;

    private final ComboBox<String> lineSelect = new ComboBox<>("Line");
    private final Span inProgress = total("in-progress");
    private final Span held = total("held");
    private final Span completedToday = total("completed-today");
    private final Grid<StationLoad> stations = new Grid<>();
    private final UnitsChart chart = new UnitsChart();
    private final Div lastEvents = new Div();

    private final LinkedList<HistoryEntry> events = new LinkedList<>();
    private final Set<UUID> eventIds = new HashSet<>();

    /** The line shown; read by the live listener off the UI's lock. */
    private volatile String lineId;

    private @Nullable Registration subscription;

    DashboardView(StationOperations operations, UnitHistory history, LiveUnitEvents live, UiSettings settings) {
        this.operations = operations;
        this.history = history;
        this.live = live;
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
            if (change.getValue() != null) {
                lineId = change.getValue();
                reload();
            }
        });

        var totals = new FlexLayout(
                tile("In progress", inProgress), tile("Held", held), tile("Completed today", completedToday));
        totals.getStyle().setGap("var(--lumo-space-m)");
        totals.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        stations.setId("station-loads");
        stations.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        stations.addColumn(StationLoad::stationId).setHeader("Station").setAutoWidth(true);
        stations.addColumn(StationLoad::name).setHeader("Name").setFlexGrow(1);
        stations.addColumn(StationLoad::kind).setHeader("Kind").setAutoWidth(true);
        stations.addColumn(StationLoad::working).setHeader("Working").setAutoWidth(true);
        stations.addColumn(StationLoad::waiting).setHeader("Waiting").setAutoWidth(true);
        stations.setAllRowsVisible(true);

        lastEvents.setId("last-events");
        lastEvents.setWidthFull();

        var loads = new VerticalLayout(stations, chart);
        loads.setPadding(false);
        var eventsColumn = new VerticalLayout(new H3("Latest events"), lastEvents);
        eventsColumn.setPadding(false);
        var body = new HorizontalLayout(loads, eventsColumn);
        body.setWidthFull();
        body.setFlexGrow(3, loads);
        body.setFlexGrow(2, eventsColumn);

        add(lineSelect, totals, body);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        reload();
        var ui = attach.getUI();
        // Tracking is asked as the person watching, also on the broadcaster's thread: their authentication goes along.
        var viewer = SecurityContextHolder.createEmptyContext();
        viewer.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        subscription =
                live.subscribe(event -> DelegatingSecurityContextRunnable.create(() -> onEvent(ui, event), viewer)
                        .run());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }

    /** Runs on the broadcaster's thread: reads tracking there, changes the view only inside the UI's lock. */
    private void onEvent(UI ui, EventEnvelope<UnitEvent> event) {
        var line = lineId;
        if (!event.line().equals(line)) {
            return;
        }
        var status = status(line);
        var entry = EventSummaries.entry(event);
        ui.access(() -> {
            if (line.equals(lineId)) {
                show(status);
                prepend(List.of(entry));
            }
        });
    }

    /** The line's status; a line not set up yet (the configured default, before any master data) has none. */
    private LineStatus status(String line) {
        try {
            return operations.lineStatus(LineId.parse(line));
        } catch (MasterDataRefusedException | MalformedIdException e) {
            return new LineStatus(line, List.of(), 0, 0, 0);
        }
    }

    private void reload() {
        show(status(lineId));
        events.clear();
        eventIds.clear();
        lastEvents.removeAll();
        prepend(history.latest(lineId, latestShown).reversed());
    }

    private void show(LineStatus status) {
        inProgress.setText(Integer.toString(status.inProgress()));
        held.setText(Integer.toString(status.held()));
        completedToday.setText(Integer.toString(status.completedToday()));
        stations.setItems(status.stations());
        chart.show(status.stations());
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
}
