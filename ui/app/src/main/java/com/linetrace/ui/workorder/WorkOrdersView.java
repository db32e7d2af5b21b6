package com.linetrace.ui.workorder;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.tracking.api.WorkOrderPlanning;
import com.linetrace.tracking.api.WorkOrderPlanning.Choice;
import com.linetrace.tracking.api.WorkOrderPlanning.Released;
import com.linetrace.tracking.api.WorkOrderPlanning.Summary;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.security.Viewer;
import com.linetrace.web.export.ExportDesk;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Work orders: a supervisor or engineer releases one (model, line, quantity, due date), which issues its serials
 * at once, and prints their labels before the first station; everyone who may read sees the latest work orders
 * with where their units stand. Tracking decides and checks the role again; this view only asks and shows.
 */
@Route(value = "work-orders", layout = MainLayout.class)
@PageTitle("Work orders · LineTrace")
// Between the dashboard and the station terminal: work is released before it is built.
@Menu(order = 1.5, title = "Work orders")
@RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
class WorkOrdersView extends VerticalLayout {

    /** How many of the latest work orders the list shows. */
    static final int SHOWN = 200;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final WorkOrderPlanning planning;
    private final Viewer viewer;
    private final boolean offline;

    final Select<String> model = new Select<>();
    final Select<String> line = new Select<>();
    final IntegerField quantity = new IntegerField("Quantity");
    final DatePicker due = new DatePicker("Due (optional)");
    final Button release = new Button("Release");
    final Div releaseForm = new Div();

    final Grid<Summary> workOrders = new Grid<>();
    final Button refresh = new Button("Refresh");

    /** The last answer, in words: what was released, or why not. */
    private final Answer answer = new Answer("work-orders-answer");

    @Autowired
    WorkOrdersView(WorkOrderPlanning planning, AuthenticationContext authentication, ExportDesk exports) {
        this(planning, Viewer.of(authentication), exports.offline());
    }

    WorkOrdersView(WorkOrderPlanning planning, Viewer viewer) {
        this(planning, viewer, false);
    }

    /** {@code offline}: labels go to the plant's export folder, never to the browser. */
    WorkOrdersView(WorkOrderPlanning planning, Viewer viewer, boolean offline) {
        this.planning = planning;
        this.viewer = viewer;
        this.offline = offline;
        setWidthFull();
        var mayPlan = viewer.hasAnyRole(Roles.SUPERVISOR, Roles.ENGINEER, Roles.ADMIN);

        model.setId("work-order-model");
        model.setLabel("Model");
        line.setId("work-order-line");
        line.setLabel("Line");
        quantity.setId("work-order-quantity");
        quantity.setMin(1);
        quantity.setMax(10_000);
        quantity.setStepButtonsVisible(true);
        due.setId("work-order-due");
        release.setId("release-work-order");
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        release.addClickListener(click -> release());
        var fields = new HorizontalLayout(model, line, quantity, due, release);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        releaseForm.add(new H3("Release a work order"), fields);
        releaseForm.setId("release-form");
        releaseForm.setVisible(mayPlan);
        if (mayPlan) {
            offer(model, planning.modelsWithRoute(), "No model has a route yet; an engineer adds one first");
            offer(line, planning.lines(), "No line yet; an engineer adds one first");
        }

        workOrders.setId("work-orders");
        workOrders.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        workOrders
                .addColumn(Summary::number)
                .setHeader("Work order")
                .setKey("number")
                .setAutoWidth(true);
        workOrders.addColumn(Summary::model).setHeader("Model").setAutoWidth(true);
        workOrders.addColumn(Summary::lineId).setHeader("Line").setAutoWidth(true);
        workOrders.addColumn(o -> "v" + o.routeVersion()).setHeader("Route").setAutoWidth(true);
        workOrders.addColumn(Summary::quantity).setHeader("Quantity").setAutoWidth(true);
        workOrders
                .addColumn(o -> o.dueDate() == null ? "" : o.dueDate().toString())
                .setHeader("Due")
                .setAutoWidth(true);
        workOrders.addColumn(Summary::notStarted).setHeader("Not started").setKey("notStarted");
        workOrders.addColumn(Summary::inWork).setHeader("In work").setKey("inWork");
        workOrders.addColumn(Summary::held).setHeader("Held").setKey("held");
        workOrders.addColumn(Summary::completed).setHeader("Completed").setKey("completed");
        workOrders.addColumn(Summary::scrapped).setHeader("Scrapped").setKey("scrapped");
        workOrders
                .addColumn(o -> o.createdBy() + " " + time(o.createdAt()))
                .setHeader("Released")
                .setAutoWidth(true);
        if (mayPlan) {
            workOrders
                    .addComponentColumn(this::labelsLink)
                    .setHeader("Labels")
                    .setKey("labels")
                    .setAutoWidth(true);
        }
        workOrders.setAllRowsVisible(true);
        refresh.setId("refresh-work-orders");
        refresh.addClickListener(click -> reload());

        add(releaseForm, answer, new H3("Latest work orders"), refresh, workOrders);
        reload();
    }

    void release() {
        var modelId = Answer.required(model, "Pick the model to build");
        var lineId = Answer.required(line, "Pick the line");
        var units = quantity.getValue();
        if (units == null) {
            Answer.invalid(quantity, "How many units?");
        } else {
            quantity.setInvalid(false);
        }
        // A date the picker could not read is not "no due date": say so rather than release without one.
        if (due.isInvalid()) {
            Answer.invalid(due, "Pick a date, or leave it empty");
        }
        if (modelId.isEmpty() || lineId.isEmpty() || units == null || due.isInvalid()) {
            return;
        }
        answer.ask(
                        WorkOrderRefusedException.class,
                        () -> planning.release(new WorkOrderPlanning.ReleaseRequest(
                                modelId.get(), LineId.parse(lineId.get()), units, due.getValue())))
                .ifPresent(released -> {
                    answer.say(released(released));
                    // Cleared so that a second click does not release the same work order twice.
                    quantity.clear();
                    due.clear();
                    reload();
                });
    }

    String answerText() {
        return answer.getText();
    }

    private void reload() {
        answer.ask(WorkOrderRefusedException.class, () -> planning.workOrders(SHOWN))
                .ifPresent(workOrders::setItems);
    }

    /**
     * The labels PDF of a work order, made when the link is followed, shown in the browser to print; in offline mode a
     * button that writes it to the export folder instead.
     */
    private com.vaadin.flow.component.Component labelsLink(Summary order) {
        if (offline) {
            var button = new Button(
                    "Labels to export folder",
                    click -> answer.ask(
                                    ProblemException.class,
                                    () -> planning.exportLabels(WorkOrderNumber.parse(order.number())))
                            .ifPresent(answer::written));
            button.setId("labels-" + order.number());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return button;
        }
        var file = "labels-" + order.number() + ".pdf";
        var handler = DownloadHandler.fromInputStream(event -> labels(order.number(), file), file)
                .inline();
        var link = new Anchor(handler, AttachmentType.INLINE, "Labels (PDF)");
        link.setTarget(AnchorTarget.BLANK);
        link.setId("labels-" + order.number());
        return link;
    }

    private DownloadResponse labels(String number, String file) {
        try {
            var pdf = planning.labels(WorkOrderNumber.parse(number));
            return new DownloadResponse(new ByteArrayInputStream(pdf), file, "application/pdf", pdf.length);
        } catch (WorkOrderRefusedException e) {
            return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
        } catch (AccessDeniedException e) {
            return DownloadResponse.error(HttpStatusCode.FORBIDDEN);
        }
    }

    /** Offers the choices by id, named in words; the only one is picked already. */
    private static void offer(Select<String> select, List<Choice> choices, String whenNone) {
        Map<String, String> names = choices.stream().collect(Collectors.toMap(Choice::id, Choice::name));
        select.setItems(choices.stream().map(Choice::id).toList());
        select.setItemLabelGenerator(id -> id + " · " + names.getOrDefault(id, ""));
        if (choices.size() == 1) {
            select.setValue(choices.getFirst().id());
        }
        if (choices.isEmpty()) {
            select.setHelperText(whenNone);
        }
    }

    static String released(Released released) {
        var serials = released.serials();
        var range = serials.size() == 1
                ? "1 serial " + serials.getFirst()
                : serials.size() + " serials " + serials.getFirst() + "–" + serials.getLast();
        return "Released " + released.number() + ": " + range + ". Print their labels from its row below.";
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
