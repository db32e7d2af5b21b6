package com.linetrace.ui;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.ui.health.DatabaseAway;
import com.linetrace.ui.remote.ServiceUnreachableException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's one error handler, installed on every session: it logs the error with a short reference and tells the
 * user that something went wrong, quoting the reference for the support desk and never the exception. A service
 * that is not reachable, or a database that is away, is said in those words instead.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        var known = knownCause(event.getThrowable());
        if (known != null) {
            log.warn("A service could not answer the UI (ref {}): {}", reference, known);
        } else {
            log.error("Unexpected error in the UI (ref {})", reference, event.getThrowable());
        }
        var ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> show(known != null ? known + " (ref " + reference + ")" : unexpected(reference)));
        }
    }

    /**
     * What the user may read of a failure that is not a fault of the UI: a service over HTTP that is not reachable
     * (its message names the service), or the plant database away; null for anything else.
     */
    static @Nullable String knownCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnreachableException unreachable) {
                return unreachable.getMessage();
            }
            if (DatabaseAway.causes(t)) {
                return DatabaseUnreachable.MESSAGE;
            }
        }
        return null;
    }

    static String unexpected(String reference) {
        return "Something went wrong (ref " + reference + "). Try again; if it keeps happening, call the supervisor.";
    }

    static Notification show(String message) {
        var notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setId("error-notification");
        return notification;
    }
}
