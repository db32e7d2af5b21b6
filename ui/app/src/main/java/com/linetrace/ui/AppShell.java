package com.linetrace.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: Lumo (Vaadin 25 applies no theme by default) and server push, so that events
 * reach open dashboards without a reload. Everything is served by the application itself: no CDN.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("LineTrace");
    }
}
