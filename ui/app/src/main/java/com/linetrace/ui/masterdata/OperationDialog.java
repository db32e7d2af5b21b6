package com.linetrace.ui.masterdata;

import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataEditor.OperationSpec;
import com.linetrace.tracking.api.MasterDataEditor.PartSpec;
import com.linetrace.ui.Answer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One operation of a route draft: its number, name, station kind and work instruction, and its bill of materials
 * (part number, quantity, whether each part has its own serial or only a lot).
 */
class OperationDialog extends Dialog {

    final IntegerField seq = new IntegerField("Number");
    final TextField name = new TextField("Name");
    final Select<String> kind = new Select<>();
    final TextArea instruction = new TextArea("Work instruction");
    final Grid<PartSpec> parts = new Grid<>();
    final TextField partNumber = new TextField("Part number");
    final TextField partDescription = new TextField("Description");
    final IntegerField quantity = new IntegerField("Quantity");
    final Checkbox serialized = new Checkbox("Own serial");
    final TextField places = new TextField("Reference designators");
    final Button addPart = new Button("Add part");
    final Button done = new Button("Done");

    private final List<PartSpec> bom = new ArrayList<>();

    OperationDialog(OperationSpec operation, Consumer<OperationSpec> onDone) {
        setId("operation-dialog");
        setHeaderTitle("Operation");
        setWidth("64em");

        seq.setId("operation-seq");
        seq.setValue(operation.seq());
        seq.setMin(1);
        seq.setMax(10_000);
        name.setId("operation-name");
        name.setValue(operation.name());
        kind.setId("operation-kind");
        kind.setLabel("Station kind");
        // A failed unit goes to REPAIR by the route's rework rule; a step never names it.
        kind.setItems(MasterDataEditor.STATION_KINDS.stream()
                .filter(k -> !k.equals("REPAIR"))
                .toList());
        if (!operation.stationKind().isEmpty()) {
            kind.setValue(operation.stationKind());
        }
        instruction.setId("operation-instruction");
        instruction.setValue(operation.instruction());
        instruction.setWidthFull();
        var head = new HorizontalLayout(seq, name, kind);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);

        bom.addAll(operation.parts());
        parts.setId("operation-parts");
        parts.addColumn(PartSpec::partNumber).setHeader("Part").setAutoWidth(true);
        parts.addColumn(PartSpec::description).setHeader("Description").setFlexGrow(1);
        parts.addColumn(PartSpec::quantity).setHeader("Quantity").setAutoWidth(true);
        parts.addColumn(p -> p.serialized() ? "serial" : "lot")
                .setHeader("Tracked by")
                .setAutoWidth(true);
        parts.addColumn(p -> String.join(" ", p.referenceDesignators()))
                .setHeader("Places")
                .setAutoWidth(true);
        parts.addComponentColumn(p -> {
                    var remove = new Button("Remove", click -> {
                        bom.remove(p);
                        parts.setItems(bom);
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    return remove;
                })
                .setAutoWidth(true);
        parts.setAllRowsVisible(true);
        parts.setItems(bom);

        partNumber.setId("part-number");
        partDescription.setId("part-description");
        quantity.setId("part-quantity");
        quantity.setValue(1);
        quantity.setMin(1);
        quantity.setMax(100);
        quantity.setWidth("7em");
        serialized.setId("part-serialized");
        places.setId("part-places");
        places.setPlaceholder("M1 M2 M3 M4");
        places.setHelperText("One a part, in the order they are fitted; or none");
        addPart.setId("add-part");
        addPart.addClickListener(click -> addPart());
        var partRow = new HorizontalLayout(partNumber, partDescription, quantity, serialized, places, addPart);
        partRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(new VerticalLayout(head, instruction, new H4("Parts installed"), parts, partRow));

        done.setId("operation-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClickListener(click -> done(onDone));
        var cancel = new Button("Cancel", click -> close());
        cancel.setId("operation-cancel");
        getFooter().add(cancel, done);
    }

    void addPart() {
        var number = Answer.required(partNumber, "Which part number?");
        var description = Answer.required(partDescription, "What is it?");
        if (quantity.getValue() == null) {
            Answer.invalid(quantity, "How many?");
        }
        if (number.isEmpty() || description.isEmpty() || quantity.getValue() == null) {
            return;
        }
        // The service checks them (one a part, each a designator); the dialog only splits what was typed.
        var named = places.getValue().isBlank()
                ? List.<String>of()
                : List.of(places.getValue().strip().toUpperCase(Locale.ROOT).split("[\\s,;]+"));
        bom.add(new PartSpec(
                number.get().toUpperCase(Locale.ROOT),
                description.get(),
                quantity.getValue(),
                serialized.getValue(),
                named));
        parts.setItems(bom);
        partNumber.clear();
        partDescription.clear();
        quantity.setValue(1);
        serialized.clear();
        places.clear();
        partNumber.focus();
    }

    void done(Consumer<OperationSpec> onDone) {
        var operationName = Answer.required(name, "Which name?");
        if (seq.getValue() == null) {
            Answer.invalid(seq, "Which number?");
        }
        if (kind.getValue() == null) {
            Answer.invalid(kind, "At which kind of station?");
        }
        if (operationName.isEmpty() || seq.getValue() == null || kind.getValue() == null) {
            return;
        }
        onDone.accept(new OperationSpec(
                seq.getValue(), operationName.get(), kind.getValue(), instruction.getValue(), List.copyOf(bom)));
        close();
    }
}
