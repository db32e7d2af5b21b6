package com.linetrace.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's one error handler, installed on every session: it logs the error with a short reference and tells the
 * user that something went wrong, quoting the reference for the support desk and never the exception.
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
        log.error("Unexpected error in the UI (ref {})", reference, event.getThrowable());
        var ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> show(reference));
        }
    }

    static Notification show(String reference) {
        var notification = Notification.show(
                "Something went wrong (ref " + reference + "). Try again; if it keeps happening, call the supervisor.",
                8000,
                Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setId("error-notification");
        return notification;
    }
}
