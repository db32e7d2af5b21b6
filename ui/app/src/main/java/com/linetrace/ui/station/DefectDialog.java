package com.linetrace.ui.station;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import java.util.function.Consumer;

/** Asks which defects made the unit fail: one or more codes, then FAIL is recorded with them. */
class DefectDialog extends Dialog {

    /** The plant's defect codes, as short as the labels on the repair bench. */
    static final List<String> DEFECT_CODES = List.of(
            "MTR-CURRENT-HIGH",
            "IMU-CAL-FAIL",
            "GNSS-NO-FIX",
            "LABEL-MISSING",
            "SCREW-TORQUE",
            "RID-MISMATCH",
            "COSMETIC");

    final MultiSelectComboBox<String> codes = new MultiSelectComboBox<>("Defects");
    final Button confirm = new Button("Record FAIL");

    DefectDialog(Consumer<List<String>> onFail) {
        setHeaderTitle("Why did the unit fail?");
        setId("defect-dialog");
        codes.setId("defect-codes");
        codes.setItems(DEFECT_CODES);
        codes.setWidth("24em");
        codes.setAutofocus(true);
        confirm.setId("confirm-fail");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        codes.addValueChangeListener(
                change -> confirm.setEnabled(!change.getValue().isEmpty()));
        confirm.addClickListener(click -> {
            // Kept in the list's order, so that the same defects always read the same.
            var selected =
                    DEFECT_CODES.stream().filter(codes.getValue()::contains).toList();
            close();
            onFail.accept(selected);
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.setId("cancel-fail");
        add(codes);
        getFooter().add(cancel, confirm);
    }
}
