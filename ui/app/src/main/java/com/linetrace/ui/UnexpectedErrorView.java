package com.linetrace.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown instead of a view that failed to open (Vaadin's own error view prints the stack trace in development
 * mode): the error is logged with a reference, the user reads the reference and what to do.
 */
@AnonymousAllowed
class UnexpectedErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        var known = UiErrorHandler.knownCause(parameter.getCaughtException());
        if (known != null) {
            log.warn("Could not open '{}' (ref {}): {}", event.getLocation().getPath(), reference, known);
        } else {
            log.error(
                    "Could not open '{}' (ref {})",
                    event.getLocation().getPath(),
                    reference,
                    parameter.getCaughtException());
        }
        removeAll();
        setId("unexpected-error");
        add(
                new H2("This screen could not be opened"),
                new Paragraph(
                        known != null
                                ? known + " (ref " + reference + ")"
                                : "Reference " + reference
                                        + ". Try again; if it keeps happening, call the supervisor."));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
