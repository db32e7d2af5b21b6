package com.linetrace.ui.unit;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.provisioning.api.UnitFlashes.FlashRecord;
import com.linetrace.provisioning.api.UnitKeyInjections;
import com.linetrace.provisioning.api.UnitKeyInjections.KeyInjectionRecord;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnknownSerialException;
import com.linetrace.ui.MainLayout;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One unit: scan or type its serial, or open {@code /units?serial=…}, and read its life oldest first as trace
 * recorded it, then its firmware (module, version, hashes written and read back, verdict) and its identity key
 * (fingerprint, certificate subject and issuer, verdict) as provisioning verified them. Public material only.
 */
@Route(value = "units", layout = MainLayout.class)
@PageTitle("Units · LineTrace")
@Menu(order = 5, title = "Units")
@RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
class UnitView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final UnitHistory history;
    private final UnitFlashes flashes;
    private final UnitKeyInjections keyInjections;

    final TextField serialField = new TextField("Serial");
    private final Div message = new Div();
    final Grid<HistoryEntry> events = new Grid<>();
    final Grid<FlashRecord> firmware = new Grid<>();
    final Grid<KeyInjectionRecord> keys = new Grid<>();
    private final Div details = new Div();

    UnitView(UnitHistory history, UnitFlashes flashes, UnitKeyInjections keyInjections) {
        this.history = history;
        this.flashes = flashes;
        this.keyInjections = keyInjections;
        setWidthFull();

        serialField.setId("unit-serial-field");
        serialField.setPlaceholder("Scan or type a serial");
        serialField.setAutofocus(true);
        serialField.setWidth("24em");
        Shortcuts.addShortcutListener(serialField, () -> show(serialField.getValue()), Key.ENTER)
                .listenOn(serialField)
                .resetFocusOnActiveElement();
        var open = new Button("Show", click -> show(serialField.getValue()));
        open.setId("show-unit");
        var search = new HorizontalLayout(serialField, open);
        search.setAlignItems(FlexComponent.Alignment.BASELINE);

        message.setId("unit-message");

        events.setId("unit-history");
        events.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        events.addColumn(e -> time(e.occurredAt())).setHeader("Time").setAutoWidth(true);
        events.addColumn(HistoryEntry::type).setHeader("Event").setAutoWidth(true);
        events.addColumn(e -> Objects.requireNonNullElse(e.station(), e.line()))
                .setHeader("Where")
                .setAutoWidth(true);
        events.addColumn(HistoryEntry::summary).setHeader("What").setFlexGrow(1);
        events.addColumn(HistoryEntry::actor).setHeader("By").setAutoWidth(true);
        events.setAllRowsVisible(true);

        firmware.setId("unit-firmware");
        firmware.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        firmware.addColumn(FlashRecord::module).setHeader("Module").setAutoWidth(true);
        firmware.addColumn(FlashRecord::version).setHeader("Version").setAutoWidth(true);
        firmware.addColumn(FlashRecord::sha256Written)
                .setHeader("SHA-256 written")
                .setAutoWidth(true);
        firmware.addColumn(f -> f.sha256ReadBack().equals(f.sha256Written()) ? "same" : f.sha256ReadBack())
                .setHeader("Read back")
                .setAutoWidth(true);
        firmware.addColumn(FlashRecord::fixtureId).setHeader("Fixture").setAutoWidth(true);
        firmware.addColumn(f -> verdict(f.verdict(), f.rejectionCode(), f.reason()))
                .setHeader("Verdict")
                .setFlexGrow(1);
        firmware.addColumn(f -> time(f.reportedAt())).setHeader("Time").setAutoWidth(true);
        firmware.setAllRowsVisible(true);

        keys.setId("unit-keys");
        keys.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        keys.addColumn(KeyInjectionRecord::keyPurpose).setHeader("Purpose").setAutoWidth(true);
        keys.addColumn(KeyInjectionRecord::secureElementId)
                .setHeader("Secure element")
                .setAutoWidth(true);
        keys.addColumn(k -> Objects.requireNonNullElse(k.fingerprint(), "–"))
                .setHeader("Key fingerprint (SHA-256)")
                .setAutoWidth(true);
        keys.addColumn(k -> Objects.requireNonNullElse(k.subject(), "–"))
                .setHeader("Certificate subject")
                .setAutoWidth(true);
        keys.addColumn(k -> Objects.requireNonNullElse(k.issuer(), "–"))
                .setHeader("Issuer")
                .setAutoWidth(true);
        keys.addColumn(k -> verdict(k.verdict(), k.rejectionCode(), k.reason()))
                .setHeader("Verdict")
                .setFlexGrow(1);
        keys.addColumn(k -> time(k.reportedAt())).setHeader("Time").setAutoWidth(true);
        keys.setAllRowsVisible(true);

        details.add(new H3("History"), events, new H3("Firmware"), firmware, new H3("Identity key"), keys);
        details.setWidthFull();
        details.setVisible(false);
        add(search, message, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("serial").ifPresent(serial -> {
            serialField.setValue(serial);
            show(serial);
        });
    }

    /** Shows a unit; a malformed serial is answered with what is wrong with it, an unknown one as unknown. */
    void show(String text) {
        var typed = text.strip();
        serialField.focus();
        var problem = Serial.problemWith(typed);
        if (problem != null) {
            clear(typed.isEmpty() ? "Scan or type a serial." : "Not a serial: " + problem + ".");
            return;
        }
        var serial = Serial.parse(typed);
        var life = lifeOf(serial);
        var flashed = flashes.flashes(serial);
        var injected = keyInjections.keyInjections(serial);
        if (life.isEmpty() && flashed.isEmpty() && injected.isEmpty()) {
            clear("No unit " + serial.value() + " is known: nothing was recorded for this serial.");
            return;
        }
        message.setText(serial.value() + ": " + life.size() + (life.size() == 1 ? " event" : " events") + ", "
                + flashed.size() + (flashed.size() == 1 ? " flash" : " flashes") + ", " + injected.size()
                + (injected.size() == 1 ? " key injection" : " key injections") + ".");
        message.getElement().setAttribute("data-outcome", "found");
        events.setItems(life);
        firmware.setItems(flashed);
        keys.setItems(injected);
        details.setVisible(true);
    }

    /** A unit trace never heard of may still have been flashed or keyed at provisioning's stations. */
    private List<HistoryEntry> lifeOf(Serial serial) {
        try {
            return history.history(serial);
        } catch (UnknownSerialException e) {
            return List.of();
        }
    }

    String messageText() {
        return message.getText();
    }

    private void clear(String why) {
        message.setText(why);
        message.getElement().setAttribute("data-outcome", "none");
        events.setItems(List.of());
        firmware.setItems(List.of());
        keys.setItems(List.of());
        details.setVisible(false);
    }

    private static String verdict(String verdict, @Nullable String code, @Nullable String reason) {
        return verdict + (code == null ? "" : " " + code) + (reason == null ? "" : ": " + reason);
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
