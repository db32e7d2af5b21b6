package com.linetrace.ui.whereused;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.UnitSummary;
import com.linetrace.trace.api.WhereUsed;
import com.linetrace.trace.api.WhereUsedQuery;
import com.linetrace.tracking.api.UnitHolds;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.security.Viewer;
import com.linetrace.web.export.ExportDesk;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The question of a recall: pick a lot (part number and lot), a part serial, a firmware release (model, module,
 * version, or the image's SHA-256) or a device key (fingerprint), and see every unit containing it with where it
 * stands, a page at a time as the grid scrolls (trace's keyset pages; the result is never loaded whole). Quality and
 * supervisors hold them all with a reason, through tracking (which checks the role again); anyone who may open the
 * view exports them as CSV (a person's download, audited by trace).
 */
@Route(value = "where-used", layout = MainLayout.class)
@PageTitle("Where-used · LineTrace")
@Menu(order = 5.5, title = "Where-used")
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class WhereUsedView extends VerticalLayout {

    /** Rows a grid page asks trace for; the hold walks the result in trace's largest pages. */
    static final int PAGE = 50;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** What a where-used can name, as trace's api takes it. */
    enum Criterion {
        LOT("Lot (part number and lot)"),
        PART_SERIAL("Part serial"),
        RELEASE("Firmware release (model, module, version)"),
        IMAGE("Firmware image (SHA-256)"),
        KEY("Device key (fingerprint)");

        final String label;

        Criterion(String label) {
            this.label = label;
        }
    }

    private final WhereUsed whereUsed;
    private final UnitHolds holds;

    final Select<Criterion> criterion = new Select<>();
    final TextField partNumber = new TextField("Part number");
    final TextField lot = new TextField("Lot");
    final TextField partSerial = new TextField("Part serial");
    final TextField model = new TextField("Model");
    final Select<FirmwareModule> module = new Select<>();
    final TextField version = new TextField("Version");
    final TextField sha256 = new TextField("SHA-256");
    final TextField fingerprint = new TextField("Key fingerprint");
    final Button find = new Button("Find units");
    final Grid<UnitSummary> units = new Grid<>();
    final Anchor csv = new Anchor();
    final Button csvToFolder = new Button("CSV to export folder");
    final TextField holdReason = new TextField("Reason for the hold");
    final Button holdAll = new Button("Hold all of these…");
    private final Answer answer = new Answer("where-used-answer");

    private @Nullable WhereUsedQuery shown;

    @Autowired
    WhereUsedView(WhereUsed whereUsed, UnitHolds holds, AuthenticationContext authentication, ExportDesk exports) {
        this(whereUsed, holds, Viewer.of(authentication), exports.offline());
    }

    WhereUsedView(WhereUsed whereUsed, UnitHolds holds, Viewer viewer) {
        this(whereUsed, holds, viewer, false);
    }

    /** {@code offline}: the CSV goes to the plant's export folder, never to the browser. */
    WhereUsedView(WhereUsed whereUsed, UnitHolds holds, Viewer viewer, boolean offline) {
        this.whereUsed = whereUsed;
        this.holds = holds;
        setWidthFull();

        criterion.setId("where-used-criterion");
        criterion.setLabel("Units containing");
        criterion.setItems(Criterion.values());
        criterion.setItemLabelGenerator(c -> c.label);
        criterion.setValue(Criterion.LOT);
        criterion.setWidth("22em");
        criterion.addValueChangeListener(change -> showFields());
        partNumber.setId("where-used-part-number");
        lot.setId("where-used-lot");
        partSerial.setId("where-used-part-serial");
        model.setId("where-used-model");
        module.setId("where-used-module");
        module.setLabel("Module");
        module.setItems(FirmwareModule.values());
        version.setId("where-used-version");
        sha256.setId("where-used-sha256");
        sha256.setWidth("36em");
        fingerprint.setId("where-used-fingerprint");
        fingerprint.setWidth("36em");
        find.setId("where-used-find");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickListener(click -> find());
        var form = new HorizontalLayout(
                criterion, partNumber, lot, partSerial, model, module, version, sha256, fingerprint, find);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        showFields();

        units.setId("where-used-units");
        units.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        units.setPageSize(PAGE);
        units.addComponentColumn(u -> new Anchor("units?serial=" + u.serial(), u.serial()))
                .setHeader("Serial")
                .setAutoWidth(true);
        units.addColumn(u -> u.status().name()).setHeader("Status").setAutoWidth(true);
        units.addColumn(u -> dash(u.model())).setHeader("Model").setAutoWidth(true);
        units.addColumn(u -> dash(u.workOrder())).setHeader("Work order").setAutoWidth(true);
        units.addColumn(u -> dash(u.line())).setHeader("Line").setAutoWidth(true);
        units.addColumn(u -> dash(u.lastStation())).setHeader("Last station").setAutoWidth(true);
        units.addColumn(u -> TIME.format(u.lastEventAt()))
                .setHeader("Last event")
                .setAutoWidth(true);
        units.setHeight("28em");
        units.setVisible(false);

        csv.setId("where-used-csv");
        csv.setText("Export CSV");
        csv.setEnabled(false);
        csv.setVisible(!offline);
        csvToFolder.setId("where-used-csv-to-folder");
        csvToFolder.setEnabled(false);
        csvToFolder.setVisible(offline);
        csvToFolder.addClickListener(click -> {
            var query = shown;
            if (query != null) {
                answer.ask(ProblemException.class, () -> whereUsed.exportWhereUsedCsv(query))
                        .ifPresent(answer::written);
            }
        });
        holdReason.setId("where-used-hold-reason");
        holdReason.setWidth("28em");
        holdAll.setId("where-used-hold-all");
        holdAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        holdAll.addClickListener(click -> confirmHoldAll());
        holdAll.setEnabled(false);
        var holdRow = new HorizontalLayout(holdReason, holdAll);
        holdRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        // Tracking refuses other roles anyway; this spares them a button that would be refused.
        holdRow.setVisible(viewer.hasAnyRole(Roles.QUALITY, Roles.SUPERVISOR));

        add(new H3("Where-used"), form, answer, units, csv, csvToFolder, holdRow);
    }

    private void showFields() {
        var c = Objects.requireNonNullElse(criterion.getValue(), Criterion.LOT);
        partNumber.setVisible(c == Criterion.LOT);
        lot.setVisible(c == Criterion.LOT);
        partSerial.setVisible(c == Criterion.PART_SERIAL);
        model.setVisible(c == Criterion.RELEASE);
        module.setVisible(c == Criterion.RELEASE);
        version.setVisible(c == Criterion.RELEASE);
        sha256.setVisible(c == Criterion.IMAGE);
        fingerprint.setVisible(c == Criterion.KEY);
    }

    /** The query the form names, or empty after marking what is missing. */
    Optional<WhereUsedQuery> query() {
        return switch (Objects.requireNonNullElse(criterion.getValue(), Criterion.LOT)) {
            case LOT -> {
                var part = Answer.required(partNumber, "Which part number?");
                var number = Answer.required(lot, "Which lot?");
                yield part.isPresent() && number.isPresent()
                        ? Optional.of(WhereUsedQuery.lot(part.get(), number.get()))
                        : Optional.empty();
            }
            case PART_SERIAL ->
                Answer.required(partSerial, "Which part serial?").map(WhereUsedQuery::partSerial);
            case RELEASE -> {
                var m = Answer.required(model, "Which model?");
                var v = Answer.required(version, "Which version?");
                var mod = module.getValue();
                if (mod == null) {
                    module.setErrorMessage("Which module?");
                    module.setInvalid(true);
                }
                yield m.isPresent() && v.isPresent() && mod != null
                        ? Optional.of(WhereUsedQuery.firmware(m.get(), mod, v.get()))
                        : Optional.empty();
            }
            case IMAGE -> Answer.required(sha256, "Which image hash?").map(WhereUsedQuery::image);
            case KEY -> Answer.required(fingerprint, "Which key fingerprint?").map(WhereUsedQuery::key);
        };
    }

    void find() {
        var query = query();
        if (query.isEmpty()) {
            return;
        }
        // The first page is asked here, so that trace's refusal of the query is shown as an answer.
        answer.ask(ProblemException.class, () -> whereUsed.whereUsed(query.get(), null, PAGE))
                .ifPresent(first -> show(query.get(), first));
    }

    private void show(WhereUsedQuery query, UnitPage first) {
        shown = query;
        var keyset = new KeysetPages((cursor, size) -> whereUsed.whereUsed(query, cursor, size), PAGE, first);
        units.setItems(q -> keyset.fetch(q.getOffset(), q.getLimit()));
        units.setVisible(true);
        var count = first.units().size();
        answer.say(
                count == 0
                        ? "No unit contains " + describe(query) + "."
                        : (first.next() == null
                                        ? count + (count == 1 ? " unit contains " : " units contain ")
                                        : "More than " + count + " units contain ")
                                + describe(query) + ".");
        csv.setHref(csv(query));
        csv.setEnabled(count > 0);
        csvToFolder.setEnabled(count > 0);
        holdAll.setEnabled(count > 0);
    }

    private DownloadHandler csv(WhereUsedQuery query) {
        return DownloadHandler.fromInputStream(
                event -> {
                    try {
                        var body = Objects.requireNonNull(
                                whereUsed.whereUsedCsv(query).getBody());
                        return new DownloadResponse(body.getInputStream(), "where-used.csv", "text/csv", -1);
                    } catch (AccessDeniedException e) {
                        return DownloadResponse.error(403, "Your role may not do this.");
                    } catch (ProblemException e) {
                        return DownloadResponse.error(400, e.getMessage());
                    } catch (IOException e) {
                        return DownloadResponse.error(502, "The export could not be read.");
                    }
                },
                "where-used.csv");
    }

    void confirmHoldAll() {
        var query = shown;
        if (query == null) {
            return;
        }
        Answer.required(holdReason, "A reason is required").ifPresent(why -> {
            var dialog = new Dialog();
            dialog.setId("hold-all-dialog");
            dialog.setHeaderTitle("Hold every unit containing " + describe(query) + "?");
            dialog.add(new Paragraph("Each is refused at every station until quality releases it. Reason: " + why));
            var confirm = new Button("Hold them all", click -> {
                dialog.close();
                holdAll(query, why);
            });
            confirm.setId("confirm-hold-all");
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            var cancel = new Button("Cancel", click -> dialog.close());
            cancel.setId("cancel-hold-all");
            dialog.getFooter().add(cancel, confirm);
            dialog.open();
        });
    }

    /**
     * Holds every unit of the result, a page of trace's at a time (each page one request to tracking), so that a
     * 10,000-unit lot is never in memory at once.
     */
    void holdAll(WhereUsedQuery query, String why) {
        var held = new long[] {0};
        var skipped = new long[] {0};
        var done = answer.ask(ProblemException.class, () -> {
            String cursor = null;
            do {
                var page = whereUsed.whereUsed(query, cursor, UnitPage.MAX_SIZE);
                var serials = page.units().stream().map(UnitSummary::serial).toList();
                if (!serials.isEmpty()) {
                    var outcome = holds.hold(UnitHolds.HoldRequest.of(serials, why));
                    held[0] += outcome.held().size();
                    skipped[0] += outcome.skipped().size();
                }
                cursor = page.next();
            } while (cursor != null);
            return true;
        });
        if (done.isPresent()) {
            answer.say("Held " + held[0] + (held[0] == 1 ? " unit" : " units") + " containing " + describe(query)
                    + (skipped[0] == 0 ? "." : "; not held (unknown or scrapped): " + skipped[0] + "."));
        } else if (held[0] > 0) {
            answer.refuse(answer.getText() + " (" + held[0] + " were held before this.)");
        }
        holdReason.clear();
        // Their status changed: show the result again from its first page.
        reload(query);
    }

    private void reload(WhereUsedQuery query) {
        var text = answer.getText();
        var outcome = answer.getElement().getAttribute("data-outcome");
        answer.ask(ProblemException.class, () -> whereUsed.whereUsed(query, null, PAGE))
                .ifPresent(first -> {
                    show(query, first);
                    if ("refused".equals(outcome)) {
                        answer.refuse(text);
                    } else {
                        answer.say(text);
                    }
                });
    }

    String answerText() {
        return answer.getText();
    }

    static String describe(WhereUsedQuery query) {
        if (query.lot() != null) {
            return "lot " + query.lot() + " of " + query.partNumber();
        }
        if (query.partSerial() != null) {
            return "part serial " + query.partSerial();
        }
        if (query.version() != null) {
            return query.model() + " " + query.module() + " firmware " + query.version();
        }
        if (query.sha256() != null) {
            return "the firmware image " + query.sha256();
        }
        return "the device key " + query.fingerprint();
    }

    private static String dash(@Nullable String value) {
        return Objects.requireNonNullElse(value, "–");
    }
}
