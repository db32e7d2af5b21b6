package com.linetrace.ui;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.ui.health.DatabaseAway;
import com.linetrace.ui.remote.ServiceUnreachableException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.dom.Style;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * A form's last answer in words: what was done, or why not (in red, and as a notification). Its
 * {@code data-outcome} attribute ({@code done} or {@code refused}) lets tests read it. Also the forms' way of asking
 * a service and their check of a required field. While the plant's database is down, every form says so in the
 * same words as the API, and nothing is recorded; while a service called over HTTP is not reachable, it says which.
 */
public class Answer extends Div {

    public Answer(String id) {
        setId(id);
        getStyle().setWhiteSpace(Style.WhiteSpace.PRE_LINE);
    }

    public void say(String text) {
        setText(text);
        getElement().setAttribute("data-outcome", "done");
        getStyle().setColor("var(--lumo-body-text-color)");
    }

    public void refuse(String message) {
        setText(message);
        getElement().setAttribute("data-outcome", "refused");
        getStyle().setColor("var(--lumo-error-text-color)");
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    /**
     * Asks a service; its refusal (an exception of type {@code refusal}, whose message says why in words) or a role
     * that may not is shown here, and nothing else happens.
     */
    public <T> Optional<T> ask(Class<? extends RuntimeException> refusal, Supplier<T> request) {
        try {
            return Optional.of(request.get());
        } catch (AccessDeniedException e) {
            refuse("Your role may not do this.");
        } catch (ServiceUnreachableException e) {
            refuse(e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseAway.causes(e)) {
                refuse(DatabaseUnreachable.MESSAGE);
            } else if (refusal.isInstance(e)) {
                refuse(e.getMessage());
            } else {
                throw e;
            }
        }
        return Optional.empty();
    }

    /** The field's stripped value, or empty after marking the field invalid with {@code message}. */
    /** Says where an export went when it was written to the plant's export folder. */
    public void written(com.linetrace.contracts.export.ExportReceipt receipt) {
        say("Written to the export folder: " + receipt.file() + " (" + receipt.bytes() + " bytes, SHA-256 "
                + receipt.sha256() + ").");
    }

    public static <C extends HasValue<?, String> & HasValidation> Optional<String> required(C field, String message) {
        var value = field.getValue() == null ? "" : field.getValue().strip();
        if (value.isEmpty()) {
            invalid(field, message);
            return Optional.empty();
        }
        field.setInvalid(false);
        return Optional.of(value);
    }

    public static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
