package com.linetrace.ui.hold;

import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.SignatureCredential;
import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds;
import com.linetrace.tracking.api.UnitHolds.Outcome;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.SignatureDialog;
import com.linetrace.ui.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stops units: a supervisor or quality holds a pasted or scanned list of serials, or a whole work order, with a
 * reason; quality releases one unit with a reason; a unit is scrapped for good after a confirmation; quality
 * quarantines a lot (every unit containing it is held, and the lot is refused at every station) and lifts it.
 * Tracking decides and checks the role again; this view only asks and shows the answer.
 */
@Route(value = "holds", layout = MainLayout.class)
@PageTitle("Holds · LineTrace")
@Menu(order = 3, title = "Holds")
@RolesAllowed({Roles.SUPERVISOR, Roles.QUALITY, Roles.ADMIN})
class HoldsView extends VerticalLayout {

    private final UnitHolds holds;
    private final Viewer viewer;

    final TextArea serials = new TextArea("Serials (scan or paste, one per line)");
    final TextField workOrder = new TextField("Work order");
    final TextField holdReason = new TextField("Reason for the hold");
    final Button holdSerials = new Button("Hold serials");
    final Button holdWorkOrder = new Button("Hold work order");

    final TextField unitSerial = new TextField("Serial");
    final TextField unitReason = new TextField("Reason");
    final Button release = new Button("Release");
    final Button scrap = new Button("Scrap…");

    final TextField partNumber = new TextField("Part number");
    final TextField lot = new TextField("Lot");
    final TextField lotReason = new TextField("Reason (to quarantine or lift)");
    final Button quarantine = new Button("Quarantine lot");
    final Button lift = new Button("Lift quarantine");
    final Div lotSection = new Div();

    /** The last answer, in words: what was held or skipped, released, scrapped, or why not. */
    private final Answer answer = new Answer("holds-answer");

    @Autowired
    HoldsView(UnitHolds holds, AuthenticationContext authentication) {
        this(holds, Viewer.of(authentication));
    }

    HoldsView(UnitHolds holds, Viewer viewer) {
        this.holds = holds;
        this.viewer = viewer;
        setWidthFull();
        setMaxWidth("72em");

        serials.setId("hold-serials");
        serials.setWidthFull();
        serials.setMinHeight("8em");
        workOrder.setId("hold-work-order");
        holdReason.setId("hold-reason");
        holdReason.setWidthFull();
        holdSerials.setId("hold-serials-button");
        holdSerials.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        holdSerials.addClickListener(click -> holdSerials());
        holdWorkOrder.setId("hold-work-order-button");
        holdWorkOrder.addClickListener(click -> holdWorkOrder());
        var holdButtons = new HorizontalLayout(workOrder, holdWorkOrder, holdSerials);
        holdButtons.setAlignItems(FlexComponent.Alignment.BASELINE);

        unitSerial.setId("unit-serial");
        unitReason.setId("unit-reason");
        unitReason.setWidth("28em");
        release.setId("release-button");
        release.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        release.addClickListener(click -> release());
        release.setVisible(viewer.hasAnyRole(Roles.QUALITY, Roles.ADMIN));
        scrap.setId("scrap-button");
        scrap.addThemeVariants(ButtonVariant.LUMO_ERROR);
        scrap.addClickListener(click -> confirmScrap());
        var unitRow = new HorizontalLayout(unitSerial, unitReason, release, scrap);
        unitRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        partNumber.setId("lot-part-number");
        lot.setId("lot");
        lotReason.setId("lot-reason");
        lotReason.setWidth("24em");
        quarantine.setId("quarantine-button");
        quarantine.addThemeVariants(ButtonVariant.LUMO_ERROR);
        quarantine.addClickListener(click -> quarantine());
        lift.setId("lift-button");
        lift.addClickListener(click -> lift());
        var lotRow = new HorizontalLayout(partNumber, lot, lotReason, quarantine, lift);
        lotRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        lotSection.add(new H3("Lot quarantine"), lotRow);
        lotSection.setId("lot-section");
        lotSection.setWidthFull();
        lotSection.setVisible(viewer.hasAnyRole(Roles.QUALITY, Roles.ADMIN));

        add(new H3("Hold units"), serials, holdReason, holdButtons, new H3("One unit"), unitRow, lotSection, answer);
    }

    void holdSerials() {
        var list = serialsOf(serials.getValue());
        if (list.isEmpty()) {
            Answer.invalid(serials, "Scan or paste at least one serial");
            return;
        }
        reason(holdReason)
                .flatMap(why ->
                        answer.ask(HoldRefusedException.class, () -> holds.hold(UnitHolds.HoldRequest.of(list, why))))
                .ifPresent(outcome -> {
                    show(outcome, "Held");
                    serials.clear();
                });
    }

    void holdWorkOrder() {
        var order = workOrder.getValue().strip();
        if (order.isEmpty()) {
            Answer.invalid(workOrder, "Which work order?");
            return;
        }
        WorkOrderNumber number;
        try {
            number = WorkOrderNumber.parse(order);
        } catch (MalformedIdException e) {
            Answer.invalid(workOrder, e.getMessage());
            return;
        }
        reason(holdReason)
                .flatMap(why ->
                        answer.ask(HoldRefusedException.class, () -> holds.hold(UnitHolds.HoldRequest.of(number, why))))
                .ifPresent(outcome -> show(outcome, "Held work order " + order + ":"));
    }

    /** A release is signed: the dialog asks for the password and the meaning, tracking checks and records both. */
    void release() {
        var serial = serial();
        if (serial.isEmpty()) {
            return;
        }
        reason(unitReason).ifPresent(why -> {
            var dialog = new SignatureDialog(
                    "release-dialog",
                    "Release " + serial.get() + "?",
                    "The unit goes back on its route. Reason: " + why,
                    viewer.name(),
                    "Sign and release",
                    credential -> signed(
                            "Released " + serial.get(),
                            credential,
                            () -> holds.release(serial.get(), new UnitHolds.Reason(why, credential))));
            dialog.open();
        });
    }

    /** Scrap is final and signed: the signature dialog is its confirmation. */
    void confirmScrap() {
        var serial = serial();
        if (serial.isEmpty()) {
            return;
        }
        reason(unitReason).ifPresent(why -> {
            var dialog = new SignatureDialog(
                    "scrap-dialog",
                    "Scrap " + serial.get() + "?",
                    "Scrap is final: the unit never goes back on the line. Reason: " + why,
                    viewer.name(),
                    "Sign and scrap for good",
                    credential -> signed(
                            "Scrapped " + serial.get(),
                            credential,
                            () -> holds.scrap(serial.get(), new UnitHolds.Reason(why, credential))));
            dialog.open();
        });
    }

    private void signed(String done, SignatureCredential credential, Runnable decision) {
        answer.ask(ProblemException.class, () -> {
                    decision.run();
                    return done;
                })
                .ifPresent(
                        text -> answer.say(text + ", signed by " + viewer.name() + " (" + credential.meaning() + ")."));
    }

    void quarantine() {
        var part = Answer.required(partNumber, "Which part number?");
        var lotNumber = Answer.required(lot, "Which lot?");
        if (part.isEmpty() || lotNumber.isEmpty()) {
            return;
        }
        reason(lotReason)
                .flatMap(why -> answer.ask(
                        HoldRefusedException.class,
                        () -> holds.quarantineLot(new UnitHolds.Lot(part.get(), lotNumber.get(), why))))
                .ifPresent(outcome ->
                        show(outcome, "Quarantined lot " + lotNumber.get() + " of " + part.get() + "; held"));
    }

    void lift() {
        var part = Answer.required(partNumber, "Which part number?");
        var lotNumber = Answer.required(lot, "Which lot?");
        if (part.isEmpty() || lotNumber.isEmpty()) {
            return;
        }
        reason(lotReason)
                .flatMap(why -> answer.ask(HoldRefusedException.class, () -> {
                    holds.liftQuarantine(new UnitHolds.Lot(part.get(), lotNumber.get(), why));
                    return lotNumber.get();
                }))
                .ifPresent(lifted -> answer.say("Lifted the quarantine of lot " + lifted + " of " + part.get()
                        + ". The units it held stay held until quality releases each."));
    }

    String answerText() {
        return answer.getText();
    }

    /** Serials as a scanner or a spreadsheet gives them: one per line, or separated by spaces, commas, semicolons. */
    static List<String> serialsOf(String text) {
        return Arrays.stream(text.split("[\\s,;]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private Optional<String> serial() {
        return Answer.required(unitSerial, "Which unit?");
    }

    private Optional<String> reason(TextField field) {
        return Answer.required(field, "A reason is required");
    }

    private void show(Outcome outcome, String verb) {
        var text = verb + " " + outcome.held().size()
                + (outcome.held().isEmpty() ? "" : ": " + String.join(", ", outcome.held()));
        if (!outcome.skipped().isEmpty()) {
            text += "\nNot held (unknown or scrapped) " + outcome.skipped().size() + ": "
                    + String.join(", ", outcome.skipped());
        }
        answer.say(text);
    }
}
