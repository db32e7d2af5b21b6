package com.linetrace.ui.security;

import com.linetrace.identity.api.Setup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;

/** Sign-in with a plant user name and password; identity checks them and signs the session's token ({@link IdentitySignIn}). */
@Route("login")
@PageTitle("Sign in · LineTrace")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(ObjectProvider<Setup> setup) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setId("login-form");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(new H1("LineTrace"), form);
        // A plant outside the demo starts without any user: its first admin comes from the setup code.
        var firstRun = setup.getIfAvailable();
        if (firstRun != null && firstRun.state().open()) {
            var link = new Anchor("setup", "No admin yet: first-run setup");
            link.setId("first-run-setup");
            add(link);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
