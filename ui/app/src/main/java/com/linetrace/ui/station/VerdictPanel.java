package com.linetrace.ui.station;

import com.linetrace.tracking.api.ScanVerdict;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Style;
import java.util.Objects;

/**
 * The interlock's answer, readable from two metres: GO on green with the operation to do, or STOP on red with
 * the reason in tracking's words. The verdict is also in {@code data-verdict} for tests and assistive tools.
 */
class VerdictPanel extends Div {

    private final Span headline = new Span();
    private final Span details = new Span();

    VerdictPanel() {
        setId("verdict");
        setWidthFull();
        getStyle()
                .setPadding("var(--lumo-space-l)")
                .setBorderRadius("var(--lumo-border-radius-l)")
                .setBoxSizing(Style.BoxSizing.BORDER_BOX)
                .setMinHeight("9rem");
        headline.setId("verdict-headline");
        headline.getStyle()
                .setDisplay(Style.Display.BLOCK)
                .setFontSize("3.5rem")
                .setFontWeight("700");
        details.setId("verdict-details");
        details.getStyle().setDisplay(Style.Display.BLOCK).setFontSize("1.5rem");
        add(headline, details);
        clear();
    }

    void show(ScanVerdict verdict) {
        headline.setText(headline(verdict));
        details.setText(Objects.requireNonNullElse(verdict.serial(), "") + " · "
                + switch (verdict.action()) {
                    case CHECK_IN -> "check-in ";
                    case INSTALL_PART -> "part ";
                    case CHECK_OUT -> "check-out ";
                }
                + verdict.verdict().name().toLowerCase()
                + (verdict.code() == null ? "" : " (" + verdict.code() + ")"));
        getElement().setAttribute("data-verdict", verdict.verdict().name());
        getStyle()
                .setBackgroundColor(verdict.accepted() ? "var(--lumo-success-color)" : "var(--lumo-error-color)")
                .setColor(
                        verdict.accepted() ? "var(--lumo-success-contrast-color)" : "var(--lumo-error-contrast-color)");
    }

    /** STOP on red for a scan the plant could not record at all, such as while its database is down. */
    void notRecorded(String why) {
        headline.setText("STOP — " + why);
        details.setText("not recorded");
        getElement().setAttribute("data-verdict", "NOT_RECORDED");
        getStyle().setBackgroundColor("var(--lumo-error-color)").setColor("var(--lumo-error-contrast-color)");
    }

    void clear() {
        headline.setText("Scan a unit");
        details.setText("");
        getElement().setAttribute("data-verdict", "NONE");
        getStyle().setBackgroundColor("var(--lumo-contrast-5pct)").setColor("var(--lumo-secondary-text-color)");
    }

    String text() {
        return headline.getText() + "\n" + details.getText();
    }

    /**
     * "GO — op 20 Propulsion" after a check-in, "GO — <tracking's message>" after a part or a check-out (e.g.
     * "Installed ARM-AX4; still to scan: 3 × ARM-AX4"), "STOP — <why>".
     */
    static String headline(ScanVerdict verdict) {
        if (!verdict.accepted()) {
            return "STOP — " + verdict.message();
        }
        if (verdict.action() == ScanVerdict.Action.CHECK_IN && verdict.operation() != null) {
            return "GO — op " + verdict.operation()
                    + (verdict.operationName() == null ? "" : " " + verdict.operationName());
        }
        return "GO — " + verdict.message();
    }
}
