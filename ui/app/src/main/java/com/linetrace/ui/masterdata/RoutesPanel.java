package com.linetrace.ui.masterdata;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataEditor.ModelSpec;
import com.linetrace.tracking.api.MasterDataEditor.OperationSpec;
import com.linetrace.tracking.api.MasterDataEditor.PartSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteApproval;
import com.linetrace.tracking.api.MasterDataEditor.RouteSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteState;
import com.linetrace.tracking.api.MasterDataEditor.RouteVersion;
import com.linetrace.ui.Answer;
import com.linetrace.ui.SignatureDialog;
import com.linetrace.ui.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Product models and their routes. The engineer picks a model and a saved version, edits a draft made from it
 * (operations, their parts, the rework rule, what pack-out requires) and saves the draft as the model's next
 * version; saved versions never change, so a unit keeps the route it started on. A saved version is a draft until a
 * second person (quality or an admin, not its author) approves it with an electronic signature (DD021); each version
 * shows whether it is a draft, the current one or superseded.
 */
class RoutesPanel extends VerticalLayout {

    private static final DateTimeFormatter SAVED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final MasterDataEditor editor;
    private final Viewer viewer;

    final Select<ModelSpec> model = new Select<>();
    final TextField modelId = new TextField("New model id");
    final TextField modelName = new TextField("Name");
    final Button addModel = new Button("Add model");

    final Select<RouteVersion> version = new Select<>();
    final Grid<OperationSpec> operations = new Grid<>();
    final Button addOperation = new Button("Add operation");
    final Button editOperation = new Button("Edit operation");
    final Button removeOperation = new Button("Remove operation");
    final IntegerField maxFailures = new IntegerField("Failures before a hold");
    final MultiSelectComboBox<String> firmwareModules = new MultiSelectComboBox<>("Firmware verified at pack-out");
    final Checkbox requiresKey = new Checkbox("Device key verified at pack-out");
    final Button save = new Button("Save as new version");

    final Paragraph versionState = new Paragraph();
    final TextField approvalReason = new TextField("Why it may be used");
    final Button approve = new Button("Approve version");

    /** The route being edited: a copy of a saved version, or new; saving it adds a version. */
    private final List<OperationSpec> draft = new ArrayList<>();

    private final Answer answer = new Answer("routes-answer");

    RoutesPanel(MasterDataEditor editor, Viewer viewer) {
        this.editor = editor;
        this.viewer = viewer;
        setPadding(false);

        model.setId("model-select");
        model.setLabel("Model");
        model.setItemLabelGenerator(m -> m.id() + " · " + m.name());
        model.addValueChangeListener(change -> showModel(change.getValue()));
        modelId.setId("new-model-id");
        modelName.setId("new-model-name");
        addModel.setId("add-model");
        addModel.addClickListener(click -> addModel());
        var modelRow = new HorizontalLayout(model, modelId, modelName, addModel);
        modelRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        version.setId("route-version");
        version.setLabel("Start from version");
        version.setWidth("26em");
        version.setItemLabelGenerator(RoutesPanel::describe);
        version.addValueChangeListener(change -> load(change.getValue()));

        operations.setId("route-operations");
        operations.addColumn(OperationSpec::seq).setHeader("Op").setAutoWidth(true);
        operations.addColumn(OperationSpec::name).setHeader("Name").setAutoWidth(true);
        operations
                .addColumn(OperationSpec::stationKind)
                .setHeader("Station kind")
                .setAutoWidth(true);
        operations.addColumn(op -> parts(op.parts())).setHeader("Parts").setFlexGrow(1);
        operations
                .addColumn(OperationSpec::instruction)
                .setHeader("Work instruction")
                .setFlexGrow(2);
        operations.setAllRowsVisible(true);
        operations.asSingleSelect().addValueChangeListener(change -> {
            editOperation.setEnabled(change.getValue() != null);
            removeOperation.setEnabled(change.getValue() != null);
        });
        addOperation.setId("add-operation");
        addOperation.addClickListener(click -> openOperation(null));
        editOperation.setId("edit-operation");
        editOperation.setEnabled(false);
        editOperation.addClickListener(
                click -> openOperation(operations.asSingleSelect().getValue()));
        removeOperation.setId("remove-operation");
        removeOperation.setEnabled(false);
        removeOperation.addClickListener(click -> removeOperation());

        maxFailures.setId("route-max-failures");
        maxFailures.setMin(1);
        maxFailures.setMax(20);
        maxFailures.setStepButtonsVisible(true);
        firmwareModules.setId("route-firmware-modules");
        firmwareModules.setItems(
                Arrays.stream(FirmwareModule.values()).map(Enum::name).toList());
        firmwareModules.setWidth("30em");
        requiresKey.setId("route-requires-key");
        var settings = new HorizontalLayout(maxFailures, firmwareModules, requiresKey);
        settings.setAlignItems(FlexComponent.Alignment.BASELINE);
        save.setId("save-route");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());

        versionState.setId("route-version-state");
        approvalReason.setId("route-approval-reason");
        approvalReason.setWidth("28em");
        approve.setId("approve-route");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.setEnabled(false);
        approve.addClickListener(click -> approve());
        var approval = new HorizontalLayout(approvalReason, approve);
        approval.setAlignItems(FlexComponent.Alignment.BASELINE);
        // Tracking decides who may sign; the form is offered to those who may.
        approval.setVisible(viewer.hasAnyRole(Roles.QUALITY, Roles.ADMIN));
        boolean edits = viewer.hasAnyRole(Roles.ENGINEER, Roles.ADMIN);
        for (var editing : List.of(modelId, modelName, addModel, addOperation, editOperation, removeOperation, save)) {
            editing.setVisible(edits);
        }

        add(
                modelRow,
                new H3("Route"),
                version,
                versionState,
                approval,
                operations,
                new HorizontalLayout(addOperation, editOperation, removeOperation),
                settings,
                new Paragraph(
                        "A failed unit goes to a REPAIR station, then back to the operation it failed. Saving adds"
                                + " a draft version: new work orders follow it once quality approves it; units"
                                + " already released keep theirs."),
                save,
                answer);
        clearDraft();
        refreshModels(null);
    }

    void addModel() {
        var id = Answer.required(modelId, "Which id?");
        var name = Answer.required(modelName, "Which name?");
        if (id.isEmpty() || name.isEmpty()) {
            return;
        }
        var spec = new ModelSpec(id.get(), name.get());
        if (MasterDataView.done(answer, () -> editor.addModel(spec))) {
            answer.say("Added model " + spec.id() + ". Give it a route next.");
            modelId.clear();
            modelName.clear();
            refreshModels(spec.id());
        }
    }

    /** Opens the operation dialog on {@code operation}, or on a new one after the last. */
    OperationDialog openOperation(@Nullable OperationSpec operation) {
        var next = draft.isEmpty() ? 10 : draft.getLast().seq() + 10;
        var dialog = new OperationDialog(
                operation == null ? new OperationSpec(next, "", "", "", List.of()) : operation, edited -> {
                    if (operation != null) {
                        draft.remove(operation);
                    }
                    draft.add(edited);
                    draft.sort(Comparator.comparingInt(OperationSpec::seq));
                    operations.setItems(draft);
                });
        dialog.open();
        return dialog;
    }

    void removeOperation() {
        var selected = operations.asSingleSelect().getValue();
        if (selected != null) {
            draft.remove(selected);
            operations.setItems(draft);
        }
    }

    void save() {
        var selected = model.getValue();
        if (selected == null) {
            answer.refuse("Pick or add a model first.");
            return;
        }
        if (draft.isEmpty()) {
            answer.refuse("A route has at least one operation.");
            return;
        }
        if (maxFailures.getValue() == null) {
            Answer.invalid(maxFailures, "After how many failures is a unit held?");
            return;
        }
        var route = new RouteSpec(
                maxFailures.getValue(),
                List.copyOf(draft),
                List.copyOf(new TreeSet<>(firmwareModules.getValue())),
                requiresKey.getValue());
        MasterDataView.ask(answer, () -> editor.addRoute(selected.id(), route)).ifPresent(saved -> {
            answer.say("Saved version " + saved.version() + " of the " + selected.id()
                    + " route as a draft. New work orders follow it once quality approves it; units already"
                    + " released keep their version.");
            showModel(selected);
        });
    }

    /** An approval is signed: the dialog asks for the password and the meaning, tracking checks and records both. */
    void approve() {
        var selected = model.getValue();
        var saved = version.getValue();
        if (selected == null || saved == null || saved.state() != RouteState.DRAFT) {
            return;
        }
        Answer.required(approvalReason, "Why may it be used?")
                .ifPresent(why -> new SignatureDialog(
                                "route-approval-dialog",
                                "Approve version " + saved.version() + " of the " + selected.id() + " route?",
                                "New work orders follow it from now on; units already released keep their version. Reason: "
                                        + why,
                                viewer.name(),
                                "Sign and approve",
                                credential -> answer.ask(
                                                ProblemException.class,
                                                () -> editor.approveRoute(
                                                        selected.id(),
                                                        saved.version(),
                                                        new RouteApproval(why, credential)))
                                        .ifPresent(approved -> {
                                            answer.say("Approved version " + approved.version() + " of the "
                                                    + selected.id()
                                                    + " route, signed by " + viewer.name() + " (" + credential.meaning()
                                                    + "). New work orders follow it.");
                                            approvalReason.clear();
                                            showModel(selected);
                                        }))
                        .open());
    }

    String answerText() {
        return answer.getText();
    }

    List<OperationSpec> draft() {
        return List.copyOf(draft);
    }

    private void refreshModels(@Nullable String select) {
        MasterDataView.ask(answer, editor::models).ifPresent(all -> {
            model.setItems(all);
            all.stream()
                    .filter(m -> m.id().equals(select))
                    .findFirst()
                    .or(() -> all.stream().findFirst())
                    .ifPresent(model::setValue);
        });
    }

    private void showModel(@Nullable ModelSpec selected) {
        if (selected == null) {
            version.setItems(List.of());
            clearDraft();
            return;
        }
        var versions =
                MasterDataView.ask(answer, () -> editor.routes(selected.id())).orElse(List.of());
        version.setItems(versions);
        if (versions.isEmpty()) {
            version.setHelperText("No route yet: build the first version below.");
            clearDraft();
        } else {
            version.setHelperText(null);
            version.setValue(versions.getFirst());
        }
    }

    private void load(@Nullable RouteVersion saved) {
        approve.setEnabled(saved != null && saved.state() == RouteState.DRAFT);
        versionState.setText(saved == null ? "" : state(saved));
        if (saved == null) {
            return;
        }
        draft.clear();
        draft.addAll(saved.route().operations());
        operations.setItems(draft);
        maxFailures.setValue(saved.route().maxFailures());
        firmwareModules.setValue(saved.route().firmwareModules());
        requiresKey.setValue(saved.route().requiresKey());
    }

    private void clearDraft() {
        draft.clear();
        operations.setItems(draft);
        maxFailures.setValue(3);
        firmwareModules.clear();
        requiresKey.setValue(false);
    }

    private static String describe(RouteVersion saved) {
        return "version " + saved.version() + " · " + saved.state().name().toLowerCase(Locale.ROOT) + " · saved "
                + SAVED_AT.format(saved.createdAt()) + " by " + saved.createdBy();
    }

    /** Where a version stands, in words. */
    static String state(RouteVersion saved) {
        var approved = saved.approvedAt() == null
                ? ""
                : " Approved " + SAVED_AT.format(saved.approvedAt()) + " by " + saved.approvedBy() + ".";
        return switch (saved.state()) {
            case DRAFT ->
                "Draft: no unit follows it until quality (or an admin) other than " + saved.createdBy()
                        + " approves it.";
            case CURRENT -> "Current: new work orders follow it." + approved;
            case SUPERSEDED ->
                "Superseded by a newer approved version: only units released before follow it." + approved;
        };
    }

    static String parts(List<PartSpec> parts) {
        return parts.stream()
                .map(p -> p.partNumber() + " ×" + p.quantity() + (p.serialized() ? " (serial)" : " (lot)"))
                .collect(Collectors.joining(", "));
    }
}
