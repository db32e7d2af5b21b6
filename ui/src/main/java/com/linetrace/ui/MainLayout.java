package com.linetrace.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every signed-in view: the menu, built from the views' {@code @Menu} entries that the user's roles
 * may open, the signed-in user and a sign-out button.
 * Any signed-in user may have the frame; each view inside it names its own roles.
 */
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        var title = new Span("LineTrace");
        title.getStyle().setFontWeight("600").setFontSize("var(--lumo-font-size-l)");

        var user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        var signOut = new Button("Sign out", click -> authentication.logout());
        signOut.setId("sign-out");

        var header = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().setPaddingRight("var(--lumo-space-m)");
        addToNavbar(header);

        var nav = new SideNav();
        nav.setId("menu");
        // MenuConfiguration lists only the entries the access control lets this user open.
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));
        addToDrawer(nav);
    }
}
