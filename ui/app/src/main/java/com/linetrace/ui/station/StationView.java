package com.linetrace.ui.station;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.Work;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.dashboard.AndonPanel;
import com.linetrace.ui.dashboard.LineBoards;
import com.linetrace.ui.health.DatabaseAway;
import com.linetrace.ui.security.Viewer;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The terminal at a station. A keyboard-wedge scanner types the barcode into the scan field and presses Enter;
 * tracking's interlock answers at once and the answer fills the screen in green (GO) or red (STOP). After an
 * accepted check-in the terminal shows the operation's work instruction and the parts still to scan; the same
 * field then takes the parts' barcodes, and PASS opens once every part is scanned (FAIL, with defect codes, always
 * can be recorded). The station is picked once per session, by scanning the ID label on the station, from the list,
 * or bookmarked as {@code /station?station=ASM-1}. Every rule is tracking's: this view only asks and shows.
 */
@Route(value = "station", layout = MainLayout.class)
@PageTitle("Station terminal · LineTrace")
@Menu(order = 2, title = "Station terminal")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
class StationView extends VerticalLayout implements BeforeEnterObserver {

    static final String SESSION_STATION = "linetrace.ui.station";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final StationOperations operations;
    private final LineBoards boards;
    private final int recentScansShown;
    final AndonPanel andon;

    private final ComboBox<StationInfo> stationSelect = new ComboBox<>("Station");
    private final TextField scanField = new TextField();
    private final VerdictPanel verdict = new VerdictPanel();
    final WorkPanel work = new WorkPanel();
    final Button passButton = new Button("PASS");
    final Button failButton = new Button("FAIL");
    private final Grid<ScanVerdict> recentScans = new Grid<>();

    /** The serial checked in by the last accepted scan, awaiting PASS or FAIL. */
    private @Nullable String checkedIn;

    private @Nullable Registration board;
    private @Nullable String boardLine;

    @Autowired
    StationView(
            StationOperations operations,
            LineBoards boards,
            LineMetrics metrics,
            UiSettings settings,
            AuthenticationContext authentication) {
        this(operations, boards, metrics, settings, Viewer.of(authentication));
    }

    StationView(
            StationOperations operations, LineBoards boards, LineMetrics metrics, UiSettings settings, Viewer viewer) {
        this.operations = operations;
        this.boards = boards;
        // The line's andon alerts, large, above the scan field: a supervisor at the terminal acknowledges them here.
        this.andon = new AndonPanel(
                viewer.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN) ? metrics : null,
                acknowledged -> boards.refresh(acknowledged.line()),
                "1.5rem");
        this.recentScansShown = settings.recentScans();
        setSizeFull();

        stationSelect.setId("station-select");
        stationSelect.setItems(operations.stations());
        stationSelect.setItemLabelGenerator(s -> s.id() + " · " + s.name() + " (" + s.lineId() + ")");
        stationSelect.setWidth("28em");
        stationSelect.addValueChangeListener(change -> stationChanged(change.getValue()));

        scanField.setId("scan-field");
        scanField.setPlaceholder("Scan the station's label");
        scanField.setAriaLabel("Scan a station label, a unit or a part");
        scanField.setAutofocus(true);
        scanField.setWidthFull();
        scanField.getStyle().setFontSize("2rem");
        // Blur and refocus before the shortcut runs, so the field's value reaches the server before the scan.
        Shortcuts.addShortcutListener(scanField, this::scan, Key.ENTER)
                .listenOn(scanField)
                .resetFocusOnActiveElement();

        passButton.setId("pass-button");
        passButton.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        passButton.addClickListener(click -> pass());
        failButton.setId("fail-button");
        failButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        failButton.addClickListener(click -> new DefectDialog(this::fail).open());
        var resultButtons = new HorizontalLayout(passButton, failButton);
        resultButtons.setId("result-buttons");
        showResultButtons(false);

        recentScans.setId("recent-scans");
        recentScans.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        recentScans.addColumn(v -> TIME.format(v.at())).setHeader("Time").setAutoWidth(true);
        recentScans
                .addColumn(v -> Objects.requireNonNullElse(v.serial(), ""))
                .setHeader("Serial")
                .setAutoWidth(true);
        recentScans
                .addColumn(v -> switch (v.action()) {
                    case CHECK_IN -> "in";
                    case INSTALL_PART -> "part";
                    case CHECK_OUT -> "out";
                })
                .setHeader("Scan");
        recentScans.addColumn(v -> v.verdict().name()).setHeader("Verdict").setAutoWidth(true);
        recentScans.addColumn(ScanVerdict::message).setHeader("Message").setFlexGrow(1);
        recentScans.addColumn(ScanVerdict::actor).setHeader("By").setAutoWidth(true);
        recentScans.setHeight("22em");

        add(stationSelect, andon, scanField, verdict, work, resultButtons, recentScans);
        var remembered = (String) VaadinSession.getCurrent().getAttribute(SESSION_STATION);
        if (remembered != null) {
            useStation(remembered);
        }
    }

    /** {@code ?station=ASM-1} picks the station, so that a terminal can be bookmarked. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("station").ifPresent(this::useStation);
    }

    /** Picks the station for this terminal and remembers it for the session. */
    void useStation(String stationId) {
        var current = stationSelect.getValue();
        if (current != null && current.id().equals(stationId)) {
            return;
        }
        operations.stations().stream()
                .filter(s -> s.id().equals(stationId))
                .findFirst()
                .ifPresentOrElse(stationSelect::setValue, () -> warn("No station has the id " + stationId));
    }

    /** The id of the station this terminal is at, if it is set. */
    @Nullable
    String station() {
        var station = stationSelect.getValue();
        return station == null ? null : station.id();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        boardLine = null;
        watchLine(attach.getUI(), stationSelect.getValue());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (board != null) {
            board.remove();
            board = null;
        }
        boardLine = null;
    }

    /** Follows the andon of the station's line (its shared board), pushed here as it changes. */
    private void watchLine(UI ui, @Nullable StationInfo station) {
        var line = station == null ? null : station.lineId();
        if (Objects.equals(line, boardLine) && (board != null || line == null)) {
            return;
        }
        if (board != null) {
            board.remove();
            board = null;
        }
        boardLine = line;
        andon.show(List.of(), ZoneId.systemDefault());
        if (line == null) {
            return;
        }
        board = boards.watch(
                line,
                LineBoards.viewer(),
                snapshot -> ui.access(() -> {
                    if (snapshot.line().equals(boardLine)) {
                        var performance = snapshot.performance();
                        andon.show(
                                performance == null ? List.of() : performance.alerts(),
                                performance == null ? ZoneId.systemDefault() : ZoneId.of(performance.timeZone()));
                    }
                }));
    }

    private void stationChanged(@Nullable StationInfo station) {
        VaadinSession.getCurrent().setAttribute(SESSION_STATION, station == null ? null : station.id());
        if (isAttached()) {
            getUI().ifPresent(ui -> watchLine(ui, station));
        }
        showWork(null);
        verdict.clear();
        scanField.setPlaceholder(station == null ? "Scan the station's label" : "Scan a unit");
        refreshRecentScans();
        scanField.focus();
    }

    void scan() {
        var barcode = scanField.getValue().strip();
        scanField.clear();
        scanField.focus();
        if (barcode.isEmpty()) {
            return;
        }
        var labelled = stationSelect
                .getListDataView()
                .getItems()
                .filter(s -> s.id().equals(barcode))
                .findFirst();
        if (labelled.isPresent()) {
            stationSelect.setValue(labelled.get());
            return;
        }
        var station = stationSelect.getValue();
        if (station == null) {
            warn("Which station is this? Scan the ID label on the station, or pick it from the list.");
            return;
        }
        var unit = checkedIn;
        if (unit != null && isPartBarcode(barcode)) {
            answer(() -> operations.installPart(
                            StationId.parse(station.id()), new StationOperations.PartScan(unit, barcode)))
                    .ifPresent(answer -> showWork(unit));
            return;
        }
        answer(() -> operations.checkIn(StationId.parse(station.id()), new StationOperations.CheckIn(barcode)))
                // A refused scan changes nothing: a unit already at work here stays so.
                .filter(ScanVerdict::accepted)
                .ifPresent(answer -> showWork(Objects.requireNonNullElse(answer.serial(), barcode)));
    }

    /**
     * While a unit is checked in, the scan field also takes part labels ({@code PART;L=LOT}, {@code PART;S=SERIAL}):
     * every part label has the separator, no serial does. Anything else is read as a unit's serial, as before.
     */
    static boolean isPartBarcode(String barcode) {
        return barcode.indexOf(';') > 0;
    }

    void pass() {
        checkOut(Result.PASS, List.of());
    }

    void fail(List<String> defects) {
        checkOut(Result.FAIL, defects);
    }

    private void checkOut(Result result, List<String> defects) {
        var station = stationSelect.getValue();
        var serial = checkedIn;
        if (station == null || serial == null) {
            return;
        }
        answer(() -> operations.checkOut(
                        StationId.parse(station.id()), new StationOperations.CheckOut(serial, result, defects)))
                .filter(ScanVerdict::accepted)
                .ifPresent(answer -> showWork(null));
        scanField.focus();
    }

    /** Asks tracking, shows its verdict and the station's latest scans. */
    private Optional<ScanVerdict> answer(Supplier<ScanVerdict> request) {
        try {
            var answer = request.get();
            verdict.show(answer);
            refreshRecentScans();
            return Optional.of(answer);
        } catch (UnknownStationException e) {
            warn(e.getMessage());
            stationSelect.clear();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (!DatabaseAway.causes(e)) {
                throw e;
            }
            verdict.notRecorded(DatabaseUnreachable.MESSAGE);
            return Optional.empty();
        }
    }

    private void refreshRecentScans() {
        var station = stationSelect.getValue();
        recentScans.setItems(
                station == null ? List.of() : operations.recentScans(StationId.parse(station.id()), recentScansShown));
    }

    /**
     * Makes {@code serial} the unit at work here (none when null) and shows the work tracking has for it. PASS opens
     * only when every part is scanned: tracking would refuse it otherwise (PARTS_MISSING), and the worker sees
     * what is missing before trying.
     */
    private void showWork(@Nullable String serial) {
        checkedIn = serial;
        var station = stationSelect.getValue();
        Optional<Work> current = Optional.empty();
        if (serial != null && station != null) {
            try {
                current = Optional.of(operations.work(StationId.parse(station.id()), Serial.parse(serial)));
            } catch (UnknownStationException e) {
                warn(e.getMessage());
            } catch (ProblemException | MalformedSerialException e) {
                // Not checked in here (any more), or not a serial: there is no work to show.
            }
        }
        current.ifPresentOrElse(work::show, work::clear);
        showResultButtons(serial != null);
        passButton.setEnabled(current.map(Work::partsComplete).orElse(true));
    }

    private void showResultButtons(boolean visible) {
        passButton.setVisible(visible);
        failButton.setVisible(visible);
    }

    private static void warn(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
