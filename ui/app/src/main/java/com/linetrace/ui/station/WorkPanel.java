package com.linetrace.ui.station;

import com.linetrace.tracking.api.Work;
import com.linetrace.tracking.api.Work.PartProgress;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Style;
import java.util.List;

/**
 * What the worker does with the unit checked in: the operation's work instruction and its parts, each with how
 * many the bill of materials requires and how many are scanned. Each part row carries {@code data-part},
 * {@code data-required}, {@code data-installed} and {@code data-traced-by} for tests and assistive tools.
 */
class WorkPanel extends Div {

    private final H3 title = new H3();
    private final Paragraph instruction = new Paragraph();
    private final Div parts = new Div();

    WorkPanel() {
        setId("work");
        setWidthFull();
        instruction.setId("work-instruction");
        instruction.getStyle().setFontSize("1.4rem").setMargin("var(--lumo-space-s) 0");
        parts.setId("parts-to-scan");
        parts.getElement().setAttribute("role", "list");
        add(title, instruction, parts);
        clear();
    }

    void show(Work work) {
        title.setText("op " + work.operation() + " " + work.operationName() + (work.rework() ? " — rework" : ""));
        instruction.setText(work.instruction());
        parts.removeAll();
        work.parts().forEach(part -> parts.add(row(part)));
        setVisible(true);
    }

    void clear() {
        title.setText("");
        instruction.setText("");
        parts.removeAll();
        setVisible(false);
    }

    List<String> partRows() {
        return parts.getChildren()
                .map(row -> row.getElement().getAttribute("data-part") + " "
                        + row.getElement().getAttribute("data-installed") + "/"
                        + row.getElement().getAttribute("data-required"))
                .toList();
    }

    private static Div row(PartProgress part) {
        var done = part.installed() >= part.required();
        var row = new Div();
        row.addClassName("part");
        row.getElement().setAttribute("role", "listitem");
        row.getElement().setAttribute("data-part", part.partNumber());
        row.getElement().setAttribute("data-required", Integer.toString(part.required()));
        row.getElement().setAttribute("data-installed", Integer.toString(part.installed()));
        row.getElement().setAttribute("data-traced-by", part.serialized() ? "serial" : "lot");
        var mark = new Span(done ? "✔ " : "○ ");
        var number = new Span(part.partNumber() + " ");
        number.getStyle().setFontWeight("700");
        var description = new Span(part.description() + " ");
        var count = new Span(part.installed() + " / " + part.required());
        count.addClassName("count");
        var tracedBy = new Span(part.serialized() ? " · scan each part's serial" : " · scan the lot label");
        tracedBy.getStyle().setColor("var(--lumo-secondary-text-color)");
        row.add(mark, number, description, count, tracedBy);
        row.getStyle()
                .setFontSize("1.4rem")
                .setPadding("var(--lumo-space-xs) var(--lumo-space-s)")
                .setBorderBottom("1px solid var(--lumo-contrast-10pct)")
                .setColor(done ? "var(--lumo-success-text-color)" : "var(--lumo-body-text-color)")
                .setDisplay(Style.Display.BLOCK);
        return row;
    }
}
