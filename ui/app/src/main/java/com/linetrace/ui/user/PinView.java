package com.linetrace.ui.user;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.UserChange;
import com.linetrace.identity.api.Users;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * A person with a badge changes the PIN they type at the station terminals, giving the one they have now. Identity
 * checks it (a wrong one counts against the badge, as at a terminal), applies the PIN rules and audits the change; the
 * old PIN stops working at once.
 */
@Route(value = "pin", layout = MainLayout.class)
@PageTitle("My PIN · LineTrace")
@Menu(order = 10, title = "My PIN")
// A person's PIN: equipment, which signs in with its secret, has none (as PUT /api/users/own-pin refuses it).
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
class PinView extends VerticalLayout {

    private final Users users;

    final PasswordField current = new PasswordField("Current PIN");
    final PasswordField next = new PasswordField("New PIN");
    final PasswordField again = new PasswordField("New PIN again");
    final Button change = new Button("Change PIN");
    private final Answer answer = new Answer("pin-answer");

    PinView(Users users) {
        this.users = users;
        current.setId("current-pin");
        next.setId("new-pin");
        next.setHelperText("6 to 12 digits, not one repeated, not a run like 123456");
        again.setId("new-pin-again");
        for (var field : new PasswordField[] {current, next, again}) {
            field.setMaxLength(12);
            field.setAllowedCharPattern("[0-9]");
        }
        change.setId("change-pin");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(click -> change());
        add(
                new Paragraph("The PIN you type after scanning your badge at a station terminal. No badge yet? An admin"
                        + " gives you one with a first PIN."),
                current,
                next,
                again,
                change,
                answer);
    }

    void change() {
        if (!next.getValue().equals(again.getValue())) {
            answer.refuse("The new PIN and its repetition differ: type them again");
            return;
        }
        answer.ask(ProblemException.class, () -> {
                    users.changeOwnPin(new UserChange.OwnPin(current.getValue(), next.getValue()));
                    return true;
                })
                .ifPresent(done -> answer.say("Your PIN is changed: sign in with the new one from now on."));
        current.clear();
        next.clear();
        again.clear();
    }

    String answerText() {
        return answer.getText();
    }
}
