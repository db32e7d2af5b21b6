package com.linetrace.ui.security;

import com.linetrace.identity.api.Setup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sign-in with a plant user name and password, or at a station terminal with a badge and PIN (DD022); identity checks
 * them and signs the session's token ({@link IdentitySignIn}). A terminal is set to badge sign-in once ({@code
 * /login?badge}, or the link on this page): a cookie then brings every later sign-in page of that browser up in badge
 * mode, so a terminal signed out after inactivity returns to the badge screen. In badge mode a keyboard-wedge scanner
 * types the badge and Enter, which moves to the PIN; the PIN and Enter sign in.
 */
@Route("login")
@PageTitle("Sign in · LineTrace")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Remembers, in the browser, that it is a station terminal's: not a secret, only which form to show. */
    static final String TERMINAL_COOKIE = "linetrace-sign-in";

    static final String BADGE = "badge";

    private static final Duration TERMINAL_COOKIE_AGE = Duration.ofDays(365);

    final LoginForm form = new LoginForm();
    final Anchor otherMode = new Anchor();
    private final @Nullable Anchor firstRunSetup;
    private boolean badgeMode;

    LoginView(ObjectProvider<Setup> setup) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setId("login-form");
        form.setForgotPasswordButtonVisible(false);
        otherMode.setId("sign-in-mode");
        // A full page load: the form's action and the mode's cookie are set as the page starts.
        otherMode.setRouterIgnore(true);
        add(new H1("LineTrace"), form, otherMode);
        // A plant outside the demo starts without any user: its first admin comes from the setup code.
        var firstRun = setup.getIfAvailable();
        if (firstRun != null && firstRun.state().open()) {
            firstRunSetup = new Anchor("setup", "No admin yet: first-run setup");
            firstRunSetup.setId("first-run-setup");
            add(firstRunSetup);
        } else {
            firstRunSetup = null;
        }
        show(false, null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean badge;
        if (parameters.containsKey(BADGE)) {
            badge = true;
            remember(true);
        } else if (parameters.containsKey("password")) {
            badge = false;
            remember(false);
        } else {
            badge = terminal();
        }
        var error = parameters.get("error");
        show(badge, error == null ? null : error.isEmpty() ? "" : error.getFirst());
    }

    /**
     * Shows the badge form or the password form, with the refusal if the last attempt failed.
     *
     * @param error null without a failed attempt, {@code locked} when identity locked the badge, name or terminal
     */
    void show(boolean badge, @Nullable String error) {
        badgeMode = badge;
        var i18n = LoginI18n.createDefault();
        if (badge) {
            i18n.getForm().setTitle("Station sign-in");
            i18n.getForm().setUsername("Badge");
            i18n.getForm().setPassword("PIN");
            i18n.getForm().setSubmit("Sign in");
            i18n.getErrorMessage().setTitle("Wrong badge or PIN");
            i18n.getErrorMessage().setMessage("Scan your badge again and type your PIN.");
            // The query names the mode to the sign-in filter; the path stays the one Vaadin's security posts to.
            form.setAction("login?" + BADGE);
            otherMode.setHref("login?password");
            otherMode.setText("Sign in with a user name and password");
        } else {
            i18n.getErrorMessage().setTitle("Wrong user name or password");
            i18n.getErrorMessage().setMessage("Check them and try again.");
            form.setAction("login");
            otherMode.setHref("login?" + BADGE);
            otherMode.setText("Station terminal: sign in with a badge");
        }
        if ("locked".equals(error)) {
            i18n.getErrorMessage().setTitle("Locked for a few minutes");
            i18n.getErrorMessage()
                    .setMessage(
                            badge
                                    ? "Too many wrong PINs with this badge or at this terminal: wait a few minutes, or ask a"
                                            + " supervisor to have an admin set a new PIN."
                                    : "Too many failed sign-ins for this name or from this address: wait a few minutes.");
        }
        form.setI18n(i18n);
        form.setError(error != null);
        if (firstRunSetup != null) {
            firstRunSetup.setVisible(!badge);
        }
    }

    boolean badgeMode() {
        return badgeMode;
    }

    /** Whether this browser was set to sign in by badge. */
    private static boolean terminal() {
        var request = VaadinRequest.getCurrent();
        var cookies = request == null ? null : request.getCookies();
        return cookies != null
                && Arrays.stream(cookies)
                        .anyMatch(
                                cookie -> TERMINAL_COOKIE.equals(cookie.getName()) && BADGE.equals(cookie.getValue()));
    }

    private static void remember(boolean badge) {
        var response = VaadinResponse.getCurrent();
        var request = VaadinRequest.getCurrent();
        if (response == null || request == null) {
            return;
        }
        var cookie = new Cookie(TERMINAL_COOKIE, badge ? BADGE : "");
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(badge ? (int) TERMINAL_COOKIE_AGE.toSeconds() : 0);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }
}
