package com.linetrace.ui;

import com.linetrace.identity.api.Tokens;
import com.linetrace.ui.health.PlantHealth;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of every signed-in view: the menu, built from the views' {@code @Menu} entries that the user's roles
 * may open, the signed-in user and a sign-out button.
 * Any signed-in user may have the frame; each view inside it names its own roles.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    private final PlantHealth health;
    private final Div degraded = new Div();
    private @Nullable Registration healthChanges;

    MainLayout(AuthenticationContext authentication, PlantHealth health, Tokens tokens) {
        this.health = health;
        var title = new Span("LineTrace");
        title.getStyle().setFontWeight("600").setFontSize("var(--lumo-font-size-l)");

        var user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        var signOut = new Button("Sign out", click -> {
            try {
                // Identity records the sign-out in the audit log; the session ends here whatever it answers.
                tokens.signOut(null);
            } catch (RuntimeException e) {
                log.warn("Identity did not record the sign-out: {}", e.getMessage());
            }
            authentication.logout();
        });
        signOut.setId("sign-out");

        var header = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().setPaddingRight("var(--lumo-space-m)");
        degraded.setId("plant-degraded");
        degraded.setText("The plant database is not reachable: nothing can be recorded until it is back. "
                + "This clears by itself.");
        degraded.getStyle()
                .setBackground("var(--lumo-error-color)")
                .setColor("var(--lumo-error-contrast-color)")
                .setPadding("var(--lumo-space-s) var(--lumo-space-m)")
                .setWidth("100%");
        degraded.setVisible(!health.databaseReachable());
        var navbar = new VerticalLayout(header, degraded);
        navbar.setPadding(false);
        navbar.setSpacing(false);
        addToNavbar(navbar);

        var nav = new SideNav();
        nav.setId("menu");
        // MenuConfiguration lists only the entries the access control lets this user open.
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        healthChanges = health.subscribe(reachable -> ui.access(() -> degraded.setVisible(!reachable)));
        degraded.setVisible(!health.databaseReachable());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (healthChanges != null) {
            healthChanges.remove();
            healthChanges = null;
        }
    }
}
