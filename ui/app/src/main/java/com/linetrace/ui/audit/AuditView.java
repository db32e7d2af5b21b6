package com.linetrace.ui.audit;

import com.linetrace.audit.api.AuditCheckpoint;
import com.linetrace.audit.api.AuditEntry;
import com.linetrace.audit.api.AuditEntryPage;
import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit ledger for quality and admin: entries searched by serial, person, action and time, newest first, a page at
 * a time (keyset: each page continues below the last index shown); the latest signed checkpoint; a verification of the
 * ledger run now; and the selected entry exported with its inclusion proof and checkpoint, a file the standalone
 * verifier checks (each export is an audit entry too). The audit service decides and checks the role again.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · LineTrace")
@Menu(order = 9, title = "Audit")
@RolesAllowed({Roles.QUALITY, Roles.ADMIN})
class AuditView extends VerticalLayout {

    static final int PAGE = 50;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final AuditLedger ledger;

    final TextField serial = new TextField("Serial");
    final TextField person = new TextField("Person");
    final TextField action = new TextField("Action");
    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final Button search = new Button("Search");
    final Grid<AuditEntry> entries = new Grid<>();
    final Button newest = new Button("Newest");
    final Button older = new Button("Older");
    final Span paging = new Span();

    final Div selected = new Div();
    final Anchor export = new Anchor();

    final Pre checkpoint = new Pre();
    final Button refreshCheckpoint = new Button("Latest checkpoint");
    final Button verify = new Button("Verify the ledger now");
    final Div verification = new Div();

    private final Answer answer = new Answer("audit-answer");
    private @Nullable Long next;

    AuditView(AuditLedger ledger) {
        this.ledger = ledger;
        setWidthFull();

        serial.setId("audit-serial");
        person.setId("audit-person");
        action.setId("audit-action");
        action.setPlaceholder("UnitReleased, ElectronicSignature…");
        from.setId("audit-from");
        to.setId("audit-to");
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(click -> search(null));
        var criteria = new HorizontalLayout(serial, person, action, from, to, search);
        criteria.setAlignItems(FlexComponent.Alignment.BASELINE);

        entries.setId("audit-entries");
        entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        entries.addColumn(AuditEntry::index).setHeader("#").setAutoWidth(true);
        entries.addColumn(e -> TIME.format(e.occurredAt())).setHeader("Time").setAutoWidth(true);
        entries.addColumn(AuditEntry::type).setHeader("Action").setAutoWidth(true);
        entries.addColumn(AuditEntry::actor).setHeader("Person").setAutoWidth(true);
        entries.addColumn(e -> text(e.serial())).setHeader("Serial").setAutoWidth(true);
        entries.addColumn(e -> text(e.station())).setHeader("Station").setAutoWidth(true);
        entries.addColumn(e -> text(e.reason()))
                .setHeader("Why")
                .setTooltipGenerator(e -> text(e.reason()))
                .setFlexGrow(1);
        entries.setAllRowsVisible(true);
        entries.addSelectionListener(
                selection -> select(selection.getFirstSelectedItem().orElse(null)));

        newest.setId("audit-newest");
        newest.addClickListener(click -> search(null));
        older.setId("audit-older");
        older.addClickListener(click -> search(next));
        paging.setId("audit-paging");
        var pager = new HorizontalLayout(newest, older, paging);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);

        selected.setId("audit-selected");
        export.setId("audit-export");
        export.setText("Export the entry with its proof");

        checkpoint.setId("audit-checkpoint");
        refreshCheckpoint.setId("audit-latest-checkpoint");
        refreshCheckpoint.addClickListener(click -> showCheckpoint());
        verify.setId("audit-verify");
        verify.addClickListener(click -> verify());
        verification.setId("audit-verification");

        add(
                criteria,
                entries,
                pager,
                selected,
                export,
                new H3("Signed checkpoint"),
                checkpoint,
                new HorizontalLayout(refreshCheckpoint, verify),
                verification,
                answer);
        select(null);
        search(null);
        showCheckpoint();
    }

    /** One page of entries matching the criteria, below index {@code before} (newest first when null). */
    void search(@Nullable Long before) {
        answer.ask(
                        ProblemException.class,
                        () -> ledger.search(
                                blankToNull(serial.getValue()),
                                blankToNull(person.getValue()),
                                blankToNull(action.getValue()),
                                instant(from.getValue()),
                                instant(to.getValue()),
                                before,
                                PAGE))
                .ifPresent(this::show);
    }

    private void show(AuditEntryPage page) {
        entries.setItems(page.entries());
        next = page.next();
        older.setEnabled(next != null);
        paging.setText(
                page.entries().isEmpty()
                        ? "No entry matches."
                        : "Entries " + page.entries().getFirst().index() + " to "
                                + page.entries().getLast().index() + (next == null ? " (the last page)" : ""));
        answer.setText("");
        select(null);
    }

    void showCheckpoint() {
        answer.ask(ProblemException.class, ledger::latestCheckpoint).ifPresent(this::show);
    }

    private void show(AuditCheckpoint latest) {
        checkpoint.setText("Tree of " + latest.treeSize() + " entries, signed " + TIME.format(latest.issuedAt())
                + "\n\n" + latest.note());
    }

    void verify() {
        answer.ask(ProblemException.class, ledger::verify).ifPresent(this::show);
    }

    private void show(LedgerVerification result) {
        verification.getElement().setAttribute("data-intact", Boolean.toString(result.intact()));
        verification.setText(
                result.intact()
                        ? "Intact: " + result.entries() + " entries and " + result.checkpoints()
                                + " checkpoints recomputed, " + TIME.format(result.checkedAt())
                        : "BROKEN (" + TIME.format(result.checkedAt()) + "): " + result.problem());
        verification
                .getStyle()
                .setColor(result.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    private void select(@Nullable AuditEntry entry) {
        export.setEnabled(entry != null);
        export.setVisible(entry != null);
        if (entry == null) {
            selected.setText("Select an entry to export it with its proof.");
            return;
        }
        selected.setText("Entry " + entry.index() + ": " + entry.type() + " by " + entry.actor() + ", "
                + TIME.format(entry.occurredAt()) + (entry.serial() == null ? "" : ", unit " + entry.serial()));
        export.setHref(download(entry.index()));
    }

    private DownloadHandler download(long index) {
        var file = "audit-entry-" + index + ".json";
        return DownloadHandler.fromInputStream(event -> {
            try {
                var bytes = JSON.writeValueAsBytes(ledger.export(index));
                return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/json", bytes.length);
            } catch (ProblemException e) {
                return DownloadResponse.error(e.problem().status(), e.getMessage());
            } catch (AccessDeniedException e) {
                return DownloadResponse.error(403, "Your role may not do this.");
            }
        });
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime at) {
        return at == null ? null : at.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String text(@Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
