package com.linetrace.ui;

import com.linetrace.web.export.ExportDesk;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Style;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The offline mode's notice ({@code linetrace.offline.enabled}) on every page while the mode is on, the sign-in and
 * error pages included: put into each browser tab's UI as it starts, beside whatever page the router shows, so no
 * view can leave it out. It says that nothing is handed out and where exports go instead.
 */
@Component
class OfflineBanner implements VaadinServiceInitListener {

    private final ExportDesk exports;

    OfflineBanner(ExportDesk exports) {
        this.exports = exports;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> show(init.getUI(), exports));
    }

    /** Adds the notice to {@code ui} when the plant is offline. */
    static void show(UI ui, ExportDesk exports) {
        if (exports.offline()) {
            ui.add(banner(exports.folder()));
        }
    }

    static Div banner(@Nullable Path folder) {
        var banner = new Div();
        banner.setId("offline-mode");
        banner.setText("Offline mode: nothing leaves this plant, not even on request. "
                + (folder == null
                        ? "No export folder is configured, so nothing can be exported."
                        : "Exports are written only to the plant's export folder, " + folder + "."));
        banner.getElement().setAttribute("role", "status");
        // Fixed at the bottom, above everything: the app layout's own bars are fixed too and would cover it.
        banner.getStyle()
                .setPosition(Style.Position.FIXED)
                .setBottom("0")
                .setLeft("0")
                .setRight("0")
                .setZIndex(10_000)
                .setBackground("var(--lumo-contrast-90pct)")
                .setColor("var(--lumo-base-color)")
                .setPadding("var(--lumo-space-xs) var(--lumo-space-m)")
                .setTextAlign(Style.TextAlign.CENTER);
        return banner;
    }
}
