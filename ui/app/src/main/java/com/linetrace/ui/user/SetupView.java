package com.linetrace.ui.user;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.FirstAdmin;
import com.linetrace.identity.api.Setup;
import com.linetrace.ui.Answer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * First-run setup of a plant outside the demo: the first admin, created with the one-time code the plant wrote to its
 * data directory (the log names the file). Open to anyone, as the code is the credential; closed once an admin exists.
 */
@Route("setup")
@PageTitle("First-run setup · LineTrace")
@AnonymousAllowed
class SetupView extends VerticalLayout {

    private final Setup setup;

    final TextField code = new TextField("Setup code");
    final TextField username = new TextField("Admin's user name");
    final PasswordField password = new PasswordField("Admin's password");
    final Button create = new Button("Create the first admin");
    private final Answer answer = new Answer("setup-answer");

    SetupView(Setup setup) {
        this.setup = setup;
        setMaxWidth("40em");
        code.setId("setup-code");
        code.setWidthFull();
        code.setHelperText("In the file the plant named in its log (identity-setup-code in its data directory)");
        username.setId("setup-username");
        password.setId("setup-password");
        password.setHelperText("At least 12 characters, not the user name");
        create.setId("setup-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> create());
        add(new H1("First-run setup"));
        if (answer.ask(ProblemException.class, setup::state)
                .map(Setup.SetupState::open)
                .orElse(false)) {
            add(
                    new Paragraph("This plant has no admin yet. Create the first one with the setup code."),
                    code,
                    username,
                    password,
                    create,
                    answer);
        } else {
            add(new Paragraph("The setup is closed: this plant has an admin."), new Anchor("login", "Sign in"), answer);
        }
    }

    void create() {
        answer.ask(
                        ProblemException.class,
                        () -> setup.createFirstAdmin(
                                new FirstAdmin(code.getValue(), username.getValue(), password.getValue())))
                .ifPresent(admin -> {
                    answer.say("Created the admin " + admin.username() + ". Sign in with it.");
                    create.setEnabled(false);
                    code.clear();
                    password.clear();
                    add(new Anchor("login", "Sign in"));
                });
    }
}
