package com.linetrace.ui.unit;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.HoldRecord;
import com.linetrace.trace.api.OperationRecord;
import com.linetrace.trace.api.ProvisioningRecord;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnitSummary;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.trace.api.UnknownSerialException;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.web.export.ExportDesk;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * The trace view: scan or type a serial, or open {@code /units?serial=…}, and read the unit as trace recorded it —
 * where it stands, its timeline oldest first, what is in it as a tree (a part that is itself a unit opens into its
 * own genealogy), every operation, provisioning's verdicts and every hold with who and why — and download its device
 * history record (PDF or JSON; each download is audited by trace). Quality, supervisors and managers work here;
 * engineers and admins read. Public material only; every value is shown as text.
 */
@Route(value = "units", layout = MainLayout.class)
@PageTitle("Trace · LineTrace")
@Menu(order = 5, title = "Trace")
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class UnitView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final UnitHistory history;
    private final UnitTrace trace;
    private final DeviceHistoryRecords records;

    final TextField serialField = new TextField("Serial");
    private final Answer message = new Answer("unit-message");
    final Anchor dhrPdf = new Anchor();
    final Anchor dhrJson = new Anchor();
    final Button dhrPdfToFolder = new Button("Device history record (PDF) to export folder");
    final Button dhrJsonToFolder = new Button("Device history record (JSON) to export folder");
    private @Nullable Serial shown;
    final Grid<HistoryEntry> events = new Grid<>();
    final TreeGrid<GenealogyNode> genealogy = new TreeGrid<>();
    final Grid<OperationRecord> operations = new Grid<>();
    final Grid<ProvisioningRecord> provisioning = new Grid<>();
    final Grid<HoldRecord> holds = new Grid<>();
    private final Div details = new Div();

    @Autowired
    UnitView(UnitHistory history, UnitTrace trace, DeviceHistoryRecords records, ExportDesk exports) {
        this(history, trace, records, exports.offline());
    }

    UnitView(UnitHistory history, UnitTrace trace, DeviceHistoryRecords records) {
        this(history, trace, records, false);
    }

    /** {@code offline}: records go to the plant's export folder, never to the browser. */
    UnitView(UnitHistory history, UnitTrace trace, DeviceHistoryRecords records, boolean offline) {
        this.history = history;
        this.trace = trace;
        this.records = records;
        setWidthFull();

        serialField.setId("unit-serial-field");
        serialField.setPlaceholder("Scan or type a serial");
        serialField.setAutofocus(true);
        serialField.setWidth("24em");
        Shortcuts.addShortcutListener(serialField, () -> show(serialField.getValue()), Key.ENTER)
                .listenOn(serialField)
                .resetFocusOnActiveElement();
        var open = new Button("Show", click -> show(serialField.getValue()));
        open.setId("show-unit");
        dhrPdf.setId("dhr-pdf");
        dhrPdf.setText("Device history record (PDF)");
        dhrJson.setId("dhr-json");
        dhrJson.setText("Device history record (JSON)");
        dhrPdf.setVisible(!offline);
        dhrJson.setVisible(!offline);
        dhrPdfToFolder.setId("dhr-pdf-to-folder");
        dhrJsonToFolder.setId("dhr-json-to-folder");
        dhrPdfToFolder.setVisible(offline);
        dhrJsonToFolder.setVisible(offline);
        dhrPdfToFolder.addClickListener(click -> toFolder(records::exportPdf));
        dhrJsonToFolder.addClickListener(click -> toFolder(records::exportJson));
        var search = new HorizontalLayout(serialField, open);
        search.setAlignItems(FlexComponent.Alignment.BASELINE);

        events.setId("unit-history");
        compact(events);
        events.addColumn(e -> time(e.occurredAt())).setHeader("Time").setAutoWidth(true);
        events.addColumn(HistoryEntry::type).setHeader("Event").setAutoWidth(true);
        events.addColumn(e -> Objects.requireNonNullElse(e.station(), e.line()))
                .setHeader("Where")
                .setAutoWidth(true);
        events.addColumn(HistoryEntry::summary).setHeader("What").setFlexGrow(1);
        events.addColumn(HistoryEntry::actor).setHeader("By").setAutoWidth(true);

        genealogy.setId("unit-genealogy");
        genealogy.addThemeVariants(GridVariant.LUMO_COMPACT);
        genealogy.addHierarchyColumn(GenealogyNode::item).setHeader("Item").setAutoWidth(true);
        genealogy.addColumn(n -> dash(n.lot())).setHeader("Lot").setAutoWidth(true);
        genealogy.addColumn(n -> dash(n.serial())).setHeader("Serial").setAutoWidth(true);
        genealogy.addColumn(n -> dash(n.designator())).setHeader("Ref. des.").setAutoWidth(true);
        genealogy.addColumn(GenealogyNode::detail).setHeader("Detail").setFlexGrow(1);
        genealogy.setAllRowsVisible(true);

        operations.setId("unit-operations");
        compact(operations);
        operations
                .addColumn(o -> o.operation() + (o.rework() ? " (rework)" : ""))
                .setHeader("Op")
                .setAutoWidth(true);
        operations
                .addColumn(OperationRecord::operationName)
                .setHeader("Operation")
                .setAutoWidth(true);
        operations.addColumn(o -> dash(o.station())).setHeader("Station").setAutoWidth(true);
        operations.addColumn(OperationRecord::operator).setHeader("Operator").setAutoWidth(true);
        operations.addColumn(o -> time(o.arrivedAt())).setHeader("Arrived").setAutoWidth(true);
        operations.addColumn(o -> time(o.completedAt())).setHeader("Completed").setAutoWidth(true);
        operations.addColumn(o -> dash(o.result())).setHeader("Result").setAutoWidth(true);
        operations
                .addColumn(o -> String.join(", ", o.defects()))
                .setHeader("Defects")
                .setFlexGrow(1);

        provisioning.setId("unit-provisioning");
        compact(provisioning);
        provisioning.addColumn(p -> time(p.occurredAt())).setHeader("Time").setAutoWidth(true);
        provisioning.addColumn(ProvisioningRecord::type).setHeader("Verdict").setAutoWidth(true);
        provisioning.addColumn(p -> dash(p.module())).setHeader("Module").setAutoWidth(true);
        provisioning.addColumn(p -> dash(p.version())).setHeader("Version").setAutoWidth(true);
        provisioning
                .addColumn(p -> dash(p.sha256() != null ? p.sha256() : p.fingerprint()))
                .setHeader("SHA-256 / key fingerprint")
                .setAutoWidth(true);
        provisioning
                .addColumn(p -> (p.code() == null ? "" : p.code() + " ") + Objects.requireNonNullElse(p.reason(), ""))
                .setHeader("Why")
                .setFlexGrow(1);
        provisioning.addColumn(p -> dash(p.station())).setHeader("Station").setAutoWidth(true);

        holds.setId("unit-holds");
        compact(holds);
        holds.addColumn(h -> time(h.at())).setHeader("Time").setAutoWidth(true);
        holds.addColumn(HoldRecord::kind).setHeader("What").setAutoWidth(true);
        holds.addColumn(HoldRecord::reason).setHeader("Why").setFlexGrow(1);
        holds.addColumn(HoldRecord::actor).setHeader("Who").setAutoWidth(true);
        holds.addColumn(h -> dash(h.station())).setHeader("Station").setAutoWidth(true);

        var downloads = new HorizontalLayout(dhrPdf, dhrJson, dhrPdfToFolder, dhrJsonToFolder);
        details.add(
                downloads,
                new H3("Timeline"),
                events,
                new H3("Genealogy"),
                genealogy,
                new H3("Operations"),
                operations,
                new H3("Provisioning"),
                provisioning,
                new H3("Holds"),
                holds);
        details.setWidthFull();
        details.setVisible(false);
        add(search, message, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("serial").ifPresent(serial -> {
            serialField.setValue(serial);
            show(serial);
        });
    }

    /** Shows a unit; a malformed serial is answered with what is wrong with it, an unknown one as unknown. */
    void show(String text) {
        var typed = text.strip();
        serialField.focus();
        var problem = Serial.problemWith(typed);
        if (problem != null) {
            clear(typed.isEmpty() ? "Scan or type a serial." : "Not a serial: " + problem + ".");
            return;
        }
        var serial = Serial.parse(typed);
        var shown = message.ask(ProblemException.class, () -> load(serial));
        if (shown.isEmpty()) {
            hide();
        } else if (shown.get().isEmpty()) {
            clear("No unit " + serial.value() + " is known: nothing was recorded for this serial.");
        } else {
            message.say(shown.get().get());
            offerRecords(serial);
            details.setVisible(true);
        }
    }

    /** Fills every section from trace; empty when trace never heard of the serial. */
    private Optional<String> load(Serial serial) {
        UnitSummary unit;
        try {
            unit = trace.unit(serial);
        } catch (UnknownSerialException e) {
            return Optional.empty();
        }
        var life = history.history(serial);
        events.setItems(life);
        var tree = GenealogyNode.of(trace.genealogy(serial));
        genealogy.setItems(tree, GenealogyNode::children);
        // The unit's own operations open; a sub-assembly stays closed until asked for.
        genealogy.expand(tree);
        operations.setItems(trace.operations(serial));
        provisioning.setItems(trace.provisioning(serial));
        holds.setItems(trace.holds(serial));
        return Optional.of(summary(unit, life.size()));
    }

    private static String summary(UnitSummary unit, int events) {
        return unit.serial() + ": " + unit.status()
                + (unit.model() == null ? "" : " · " + unit.model())
                + (unit.workOrder() == null ? "" : " · " + unit.workOrder())
                + (unit.routeVersion() == null ? "" : " · route v" + unit.routeVersion())
                + (unit.lastStation() == null ? "" : " · last at " + unit.lastStation())
                + " · " + events + (events == 1 ? " event" : " events") + ".";
    }

    /** The record is made only when a person follows a link: each download is one audited export. */
    private void offerRecords(Serial serial) {
        shown = serial;
        dhrPdf.setHref(download(serial, "pdf", "application/pdf", records::pdf));
        dhrJson.setHref(download(serial, "json", "application/json", records::json));
    }

    /** Offline: the shown unit's record written to the plant's export folder, and where it went said in words. */
    private void toFolder(Function<Serial, ExportReceipt> export) {
        var serial = shown;
        if (serial != null) {
            message.ask(ProblemException.class, () -> export.apply(serial)).ifPresent(message::written);
        }
    }

    private static DownloadHandler download(
            Serial serial, String format, String type, Function<Serial, ResponseEntity<Resource>> make) {
        var file = "dhr-" + serial.value() + "." + format;
        return DownloadHandler.fromInputStream(
                event -> {
                    try {
                        var body = Objects.requireNonNull(make.apply(serial).getBody());
                        return new DownloadResponse(body.getInputStream(), file, type, body.contentLength());
                    } catch (UnknownSerialException e) {
                        return DownloadResponse.error(404, e.getMessage());
                    } catch (AccessDeniedException e) {
                        return DownloadResponse.error(403, "Your role may not do this.");
                    } catch (IOException e) {
                        return DownloadResponse.error(502, "The record could not be read.");
                    }
                },
                file);
    }

    String messageText() {
        return message.getText();
    }

    private void clear(String why) {
        message.setText(why);
        message.getElement().setAttribute("data-outcome", "none");
        message.getStyle().remove("color");
        hide();
    }

    private void hide() {
        events.setItems(List.of());
        genealogy.setItems(List.of(), GenealogyNode::children);
        operations.setItems(List.of());
        provisioning.setItems(List.of());
        holds.setItems(List.of());
        details.setVisible(false);
    }

    private static void compact(Grid<?> grid) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
    }

    private static String dash(@Nullable String value) {
        return Objects.requireNonNullElse(value, "–");
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "–" : TIME.format(at);
    }
}
