package com.linetrace.ui.masterdata;

import com.linetrace.contracts.Roles;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.security.Viewer;
import com.linetrace.web.export.ExportDesk;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Master data: lines and their stations (with their ID labels to print), product models and their routes. A
 * route is never edited in place: the engineer starts from the current version, changes it, and saves it as the
 * next version, a draft that new work orders follow once quality approves it with an electronic signature (quality
 * sees the routes only, to approve them). Tracking holds every rule; this view asks and shows the answer.
 */
@Route(value = "master-data", layout = MainLayout.class)
@PageTitle("Master data · LineTrace")
@Menu(order = 7, title = "Master data")
@RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.QUALITY})
class MasterDataView extends VerticalLayout {

    final LinesPanel lines;
    final RoutesPanel routes;
    final Tab linesTab = new Tab("Lines and stations");
    final Tab routesTab = new Tab("Models and routes");
    final Tabs tabs = new Tabs(linesTab, routesTab);

    @Autowired
    MasterDataView(MasterDataEditor editor, AuthenticationContext authentication, ExportDesk exports) {
        this(editor, Viewer.of(authentication), exports.offline());
    }

    MasterDataView(MasterDataEditor editor, Viewer viewer) {
        this(editor, viewer, false);
    }

    /** {@code offline}: station labels go to the plant's export folder, never to the browser. */
    MasterDataView(MasterDataEditor editor, Viewer viewer, boolean offline) {
        setWidthFull();
        setMaxWidth("90em");
        lines = new LinesPanel(editor, viewer, offline);
        routes = new RoutesPanel(editor, viewer);
        linesTab.setId("lines-tab");
        routesTab.setId("routes-tab");
        tabs.setId("master-data-tabs");
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(change -> show(change.getSelectedTab()));
        add(tabs, lines, routes);
        if (viewer.hasAnyRole(Roles.ENGINEER, Roles.ADMIN)) {
            show(linesTab);
        } else {
            // Quality comes to approve route versions; lines and stations are the engineers'.
            linesTab.setVisible(false);
            show(routesTab);
        }
    }

    /** Asks tracking; a refusal or a role that may not is shown in words on {@code answer}. */
    static <T> Optional<T> ask(Answer answer, Supplier<T> request) {
        return answer.ask(MasterDataRefusedException.class, request);
    }

    /** As {@link #ask}, for a request that answers nothing: true when it was done. */
    static boolean done(Answer answer, Runnable request) {
        return ask(answer, () -> {
                    request.run();
                    return true;
                })
                .isPresent();
    }

    /** Shows the panel of {@code tab}; both stay attached, so a half-filled form survives a look at the other. */
    void show(Tab tab) {
        tabs.setSelectedTab(tab);
        lines.setVisible(tab == linesTab);
        routes.setVisible(tab == routesTab);
    }
}
