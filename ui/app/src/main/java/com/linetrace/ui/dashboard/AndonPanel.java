package com.linetrace.ui.dashboard;

import com.linetrace.contracts.line.AndonRule;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.metrics.api.AlertAcknowledgement;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.ui.remote.ServiceUnreachableException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Style;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A line's open andon alerts, as a band of red (not yet acknowledged) and amber (someone is on it) rows, for the
 * dashboard, the station terminals and the wallboard. Where the viewer may acknowledge, each unacknowledged alert has
 * a button that asks for a comment and sends it to metrics; the board then shows the acknowledgement.
 */
public class AndonPanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final @Nullable LineMetrics metrics;
    private final Consumer<AndonAlert> acknowledged;
    private final String fontSize;
    private List<AndonAlert> shown = List.of();

    /**
     * @param metrics where acknowledgements go; none where the viewer may not acknowledge (no button shown)
     * @param acknowledged called with the alert once metrics took its acknowledgement
     * @param fontSize the rows' type size: larger on a terminal or a wallboard, read from a distance
     */
    public AndonPanel(@Nullable LineMetrics metrics, Consumer<AndonAlert> acknowledged, String fontSize) {
        this.metrics = metrics;
        this.acknowledged = acknowledged;
        this.fontSize = fontSize;
        setId("andon-alerts");
        setWidthFull();
        setVisible(false);
    }

    /** Shows the alerts (newest first), or nothing when there are none. */
    public void show(List<AndonAlert> alerts, ZoneId zone) {
        shown = List.copyOf(alerts);
        removeAll();
        setVisible(!alerts.isEmpty());
        for (var alert : alerts) {
            add(row(alert, zone));
        }
    }

    public List<AndonAlert> shownAlerts() {
        return shown;
    }

    private Div row(AndonAlert alert, ZoneId zone) {
        var row = new Div();
        row.addClassName("andon-alert");
        row.getElement().setAttribute("data-alert", alert.id().toString());
        row.getElement().setAttribute("data-rule", alert.rule().name());
        row.getElement().setAttribute("data-acknowledged", Boolean.toString(alert.acknowledged()));
        var what = new Span(
                title(alert.rule()) + " · since " + TIME.format(alert.raisedAt().atZone(zone)) + " · ");
        what.getStyle().setFontWeight("700");
        var message = new Span(alert.message());
        row.add(what, message);
        if (alert.acknowledged()) {
            var ack = new Span("Acknowledged by " + alert.acknowledgedBy() + ": " + alert.comment());
            ack.addClassName("andon-acknowledgement");
            ack.getStyle().setDisplay(Style.Display.BLOCK).set("font-style", "italic");
            row.add(ack);
        } else if (metrics != null) {
            var button = new Button("Acknowledge", click -> new AcknowledgeDialog(alert).open());
            button.addClassName("andon-acknowledge");
            button.getElement().setAttribute("data-alert", alert.id().toString());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            button.getStyle().setMarginLeft("var(--lumo-space-m)");
            row.add(button);
        }
        row.getStyle()
                .setFontSize(fontSize)
                .setPadding("var(--lumo-space-s) var(--lumo-space-m)")
                .setMarginBottom("var(--lumo-space-xs)")
                .setBorderRadius("var(--lumo-border-radius-m)")
                .setColor(alert.acknowledged() ? "black" : "white")
                .setBackgroundColor(alert.acknowledged() ? "#f5b800" : "var(--lumo-error-color)");
        return row;
    }

    /**
     * Sends a supervisor's acknowledgement; metrics' refusal (acknowledged already, no comment) or its absence is
     * said in a notification and changes nothing.
     */
    boolean acknowledge(UUID alert, String comment) {
        if (metrics == null) {
            return false;
        }
        try {
            var answer = metrics.acknowledge(alert, new AlertAcknowledgement(comment));
            acknowledged.accept(answer);
            return true;
        } catch (ProblemException | ServiceUnreachableException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            return false;
        }
    }

    static String title(AndonRule rule) {
        return switch (rule) {
            case STATION_STALLED -> "Station stalled";
            case FIRST_PASS_YIELD_LOW -> "Yield low";
            case LOT_QUARANTINED -> "Lot quarantined";
            case FIRMWARE_REVOKED -> "Firmware revoked";
            case DEAD_LETTERS -> "Dead letters";
        };
    }

    /** Asks what is being done about the alert; acknowledges with it. */
    final class AcknowledgeDialog extends Dialog {

        final TextArea comment = new TextArea("What is being done about it?");
        final Button confirm = new Button("Acknowledge");

        AcknowledgeDialog(AndonAlert alert) {
            setHeaderTitle(title(alert.rule()) + ": " + alert.subject());
            setId("andon-acknowledge-dialog");
            comment.setId("andon-comment");
            comment.setWidth("28em");
            comment.setMaxLength(2000);
            comment.setAutofocus(true);
            confirm.setId("andon-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setEnabled(false);
            comment.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            comment.addValueChangeListener(
                    change -> confirm.setEnabled(!change.getValue().isBlank()));
            confirm.addClickListener(click -> {
                if (acknowledge(alert.id(), comment.getValue())) {
                    close();
                }
            });
            var cancel = new Button("Cancel", click -> close());
            add(new Span(alert.message()), comment);
            getFooter().add(cancel, confirm);
        }
    }
}
