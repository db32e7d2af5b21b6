package com.linetrace.ui.wallboard;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.Wallboard;
import com.linetrace.metrics.api.WallboardRequest;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.remote.ServiceUnreachableException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An admin's wallboards: issue one for a line (its link, with the token, is shown once and never again) and revoke
 * one, which empties its TV at its next refresh. Metrics keeps the tokens' hashes only and checks the role again.
 */
@Route(value = "wallboards", layout = MainLayout.class)
@PageTitle("Wallboards · LineTrace")
@Menu(order = 9, title = "Wallboards")
@RolesAllowed(Roles.ADMIN)
class WallboardsView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final LineMetrics metrics;
    final TextField line = new TextField("Line");
    final TextField name = new TextField("Where it hangs");
    final Button issue = new Button("Issue wallboard");
    final Paragraph link = new Paragraph();
    final Grid<Wallboard> wallboards = new Grid<>();

    WallboardsView(LineMetrics metrics, UiSettings settings) {
        this.metrics = metrics;
        line.setId("wallboard-line-field");
        line.setValue(settings.defaultLine());
        name.setId("wallboard-name-field");
        name.setWidth("24em");
        issue.setId("issue-wallboard");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickListener(click -> issue());
        link.setId("wallboard-link");
        link.setVisible(false);
        var form = new HorizontalLayout(line, name, issue);
        form.setAlignItems(Alignment.BASELINE);

        wallboards.setId("wallboards");
        wallboards.addThemeVariants(GridVariant.LUMO_COMPACT);
        wallboards.addColumn(Wallboard::line).setHeader("Line").setAutoWidth(true);
        wallboards.addColumn(Wallboard::name).setHeader("Where").setFlexGrow(1);
        wallboards
                .addColumn(w -> w.issuedBy() + ", " + TIME.format(w.issuedAt()))
                .setHeader("Issued");
        wallboards
                .addColumn(w ->
                        w.revoked() ? w.revokedBy() + ", " + TIME.format(Objects.requireNonNull(w.revokedAt())) : "")
                .setHeader("Revoked");
        wallboards.addComponentColumn(w -> {
            var revoke = new Button("Revoke", click -> revoke(w));
            revoke.addClassName("revoke-wallboard");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setVisible(!w.revoked());
            return revoke;
        });
        add(form, link, wallboards);
        refresh();
    }

    void issue() {
        try {
            var issued =
                    metrics.issueWallboard(new WallboardRequest(line.getValue().strip(), name.getValue()));
            link.setText("Open this on the TV (shown once, keep it safe): /wallboard?token=" + issued.token());
            link.setVisible(true);
            name.clear();
            refresh();
        } catch (ProblemException | ServiceUnreachableException e) {
            warn(e.getMessage());
        }
    }

    void revoke(Wallboard wallboard) {
        try {
            metrics.revokeWallboard(wallboard.id());
            refresh();
        } catch (ProblemException | ServiceUnreachableException e) {
            warn(e.getMessage());
        }
    }

    private void refresh() {
        try {
            wallboards.setItems(metrics.wallboards());
        } catch (ServiceUnreachableException e) {
            warn(e.getMessage());
        }
    }

    private static void warn(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
