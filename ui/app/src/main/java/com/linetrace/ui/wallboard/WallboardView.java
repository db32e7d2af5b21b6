package com.linetrace.ui.wallboard;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.LinePerformance.StationPerformance;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.ui.dashboard.AndonPanel;
import com.linetrace.ui.remote.ServiceUnreachableException;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Style;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A line for a TV on the floor: output against plan, yield, the stations' states and the open andon alerts, in type
 * read from across the hall, and nothing to click. It is opened with a wallboard token an admin issued
 * ({@code /wallboard?token=…}), no person's sign-in; metrics checks the token at every refresh, so a revoked one
 * empties the screen at the next. The TV asks every {@link #REFRESH_MILLIS} (a wallboard or two per hall, so no shared
 * board is needed) and rides out a network drop: the client keeps trying to reconnect, without end, and the next
 * answer fills the screen again.
 */
@Route("wallboard")
@PageTitle("Wallboard · LineTrace")
@AnonymousAllowed
class WallboardView extends VerticalLayout implements BeforeEnterObserver {

    static final int REFRESH_MILLIS = 5_000;

    private final LineMetrics metrics;
    private final Span line = big("wallboard-line", "3rem");
    private final Span thisHour = big("wallboard-this-hour", "6rem");
    private final Span thisShift = big("wallboard-this-shift", "6rem");
    private final Span yield = big("wallboard-yield", "6rem");
    private final Span message = big("wallboard-message", "2.5rem");
    private final FlexLayout stations = new FlexLayout();
    private final AndonPanel andon = new AndonPanel(null, alert -> {}, "2.5rem");
    private @Nullable String token;
    private @Nullable Registration polling;

    WallboardView(LineMetrics metrics) {
        this.metrics = metrics;
        setSizeFull();
        getStyle().setBackgroundColor("#101418").setColor("white");
        stations.setId("wallboard-stations");
        stations.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        stations.getStyle().setGap("var(--lumo-space-m)");
        var totals = new FlexLayout(
                tile("This hour (done / plan)", thisHour),
                tile("This shift", thisShift),
                tile("First-pass yield", yield));
        totals.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        totals.getStyle().setGap("var(--lumo-space-l)");
        message.setVisible(false);
        add(line, message, andon, totals, stations);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        useToken(event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse(null));
    }

    /** The token the view asks with; what {@code ?token=} sets when the TV opens the page. */
    void useToken(@Nullable String token) {
        this.token = token;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        // A TV has no one to press "reload": keep trying to reach the plant, every few seconds, for good.
        ui.getReconnectDialogConfiguration().setReconnectAttempts(Integer.MAX_VALUE);
        ui.getReconnectDialogConfiguration().setReconnectInterval(5_000);
        ui.getReconnectDialogConfiguration().setDialogText("The plant is not reachable; trying again…");
        ui.setPollInterval(REFRESH_MILLIS);
        polling = ui.addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
    }

    /** Asks metrics with the token, and shows the line or why it cannot. */
    void refresh() {
        var current = token;
        if (current == null || current.isBlank()) {
            refuse("This wallboard has no token: open it with the link an admin issued.");
            return;
        }
        try {
            show(metrics.wallboard(current));
        } catch (ProblemException e) {
            if (e.problem() == MetricsProblem.WALLBOARD_TOKEN_REFUSED) {
                refuse("This wallboard's token is not valid any more: ask an admin for a new one.");
            } else if (e.problem() == MetricsProblem.UNKNOWN_LINE) {
                say("No unit of this line has reached a station yet.");
            } else {
                say(e.getMessage());
            }
        } catch (ServiceUnreachableException e) {
            // The last numbers stay, with the reason.
            say(e.getMessage());
        }
    }

    private void show(LinePerformance performance) {
        message.setVisible(false);
        line.setText("Line " + performance.line()
                + (performance.shift() == null
                        ? " · between shifts"
                        : " · " + performance.shift().name()));
        thisHour.setText(performance.thisHour().completed() + " / "
                + whole(performance.thisHour().plannedByNow()));
        thisShift.setText(
                performance.shift() == null
                        ? "–"
                        : performance.thisShift().completed() + " / "
                                + whole(performance.thisShift().plannedByNow()));
        yield.setText(percent(performance.firstPassYield()));
        andon.show(performance.alerts(), ZoneId.of(performance.timeZone()));
        stations.removeAll();
        for (var station : performance.stations()) {
            stations.add(station(station));
        }
    }

    private void refuse(String why) {
        say(why);
        line.setText("");
        List.of(thisHour, thisShift, yield).forEach(total -> total.setText("–"));
        andon.show(List.of(), ZoneId.systemDefault());
        stations.removeAll();
    }

    private void say(String why) {
        message.setText(why);
        message.setVisible(true);
    }

    private static Div station(StationPerformance station) {
        var name = new Span(station.station());
        name.getStyle().setFontSize("2.5rem").setFontWeight("700").setDisplay(Style.Display.BLOCK);
        var state = new Span(
                switch (station.state()) {
                    case PRODUCTIVE -> "Productive";
                    case STANDBY_STARVED -> "Starved";
                    case STANDBY_BLOCKED -> "Blocked";
                    case UNSCHEDULED_DOWN -> "DOWN";
                });
        state.getStyle().setFontSize("1.8rem");
        var tile = new Div(name, state);
        tile.getElement().setAttribute("data-station", station.station());
        tile.getElement().setAttribute("data-state", station.state().name());
        tile.getStyle()
                .setPadding("var(--lumo-space-m) var(--lumo-space-l)")
                .setBorderRadius("var(--lumo-border-radius-l)")
                .setMinWidth("9em")
                .setBackgroundColor(
                        switch (station.state()) {
                            case PRODUCTIVE -> "#1e7a3a";
                            case STANDBY_STARVED, STANDBY_BLOCKED -> "#5a6270";
                            case UNSCHEDULED_DOWN -> "#c0262d";
                        });
        return tile;
    }

    private static Span big(String id, String size) {
        var span = new Span("–");
        span.setId(id);
        span.getStyle().setFontSize(size).setFontWeight("700").setDisplay(Style.Display.BLOCK);
        return span;
    }

    private static Div tile(String label, Span value) {
        var caption = new Span(label);
        caption.getStyle().setFontSize("1.8rem").setDisplay(Style.Display.BLOCK).setColor("#b8c0cc");
        var tile = new Div(caption, value);
        tile.getStyle().setPadding("var(--lumo-space-m) var(--lumo-space-l)").setMinWidth("14em");
        return tile;
    }

    private static String whole(double units) {
        return String.format(Locale.ROOT, "%.0f", units);
    }

    private static String percent(@Nullable Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    String shownMessage() {
        return message.isVisible() ? message.getText() : "";
    }
}
