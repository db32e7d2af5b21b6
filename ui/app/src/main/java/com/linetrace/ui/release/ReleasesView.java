package com.linetrace.ui.release;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.SignatureCredential;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ReleaseDecision;
import com.linetrace.provisioning.api.ReleaseRegistration;
import com.linetrace.provisioning.api.ReleaseState;
import com.linetrace.provisioning.api.ReleaseSummary;
import com.linetrace.tracking.api.UnitStatuses;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.linetrace.ui.SignatureDialog;
import com.linetrace.ui.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Style;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plant's firmware releases with their signature checked against the release keys trusted now. Release
 * engineering registers a release from its manifest and base64 signature; quality approves or revokes it with a
 * reason and an electronic signature (the password re-entered, the meaning: DD018); a revoked release shows the units that carry it (the recall scope). Provisioning decides and checks the
 * role again.
 */
@Route(value = "releases", layout = MainLayout.class)
@PageTitle("Firmware releases · LineTrace")
@Menu(order = 4, title = "Firmware releases")
@RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
class ReleasesView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final FirmwareReleaseCatalog catalog;
    private final Viewer viewer;

    final Grid<ReleaseSummary> releases = new Grid<>();

    final TextField model = new TextField("Model");
    final ComboBox<String> module = new ComboBox<>("Module");
    final TextField version = new TextField("Version");
    final TextField sha256 = new TextField("Image SHA-256");
    final IntegerField size = new IntegerField("Size (bytes)");
    final TextArea signature = new TextArea("Signature (base64 Ed25519 over the canonical manifest)");
    final Button register = new Button("Register");

    final Div selected = new Div();
    final TextField reason = new TextField("Reason");
    final Button approve = new Button("Approve");
    final Button revoke = new Button("Revoke");
    final Div affected = new Div();

    private final UnitStatuses statuses;
    private final Answer answer = new Answer("releases-answer");

    @Autowired
    ReleasesView(FirmwareReleaseCatalog catalog, UnitStatuses statuses, AuthenticationContext authentication) {
        this(catalog, statuses, Viewer.of(authentication));
    }

    ReleasesView(FirmwareReleaseCatalog catalog, UnitStatuses statuses, Viewer viewer) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.viewer = viewer;
        setWidthFull();

        releases.setId("releases");
        releases.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        releases.addColumn(ReleaseSummary::state).setHeader("State").setAutoWidth(true);
        releases.addColumn(ReleaseSummary::model).setHeader("Model").setAutoWidth(true);
        releases.addColumn(ReleaseSummary::module).setHeader("Module").setAutoWidth(true);
        releases.addColumn(ReleaseSummary::version).setHeader("Version").setAutoWidth(true);
        releases.addColumn(r -> shortHash(r.sha256()))
                .setHeader("SHA-256")
                .setTooltipGenerator(ReleaseSummary::sha256)
                .setAutoWidth(true);
        releases.addColumn(ReleasesView::signature).setHeader("Signature").setAutoWidth(true);
        releases.addColumn(r -> r.registeredBy() + " " + time(r.registeredAt()))
                .setHeader("Registered")
                .setAutoWidth(true);
        releases.addColumn(r -> who(r.approvedBy(), r.approvedAt()))
                .setHeader("Approved")
                .setAutoWidth(true);
        releases.addColumn(r -> who(r.revokedBy(), r.revokedAt())
                        + (r.revocationReason() == null ? "" : ": " + r.revocationReason()))
                .setHeader("Revoked")
                .setFlexGrow(1);
        releases.setAllRowsVisible(true);
        releases.addSelectionListener(
                selection -> select(selection.getFirstSelectedItem().orElse(null)));

        selected.setId("selected-release");
        reason.setId("release-reason");
        reason.setWidth("28em");
        approve.setId("approve-button");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(click -> approve());
        revoke.setId("revoke-button");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(click -> revoke());
        affected.setId("affected-serials");
        var decision = new HorizontalLayout(reason, approve, revoke);
        decision.setAlignItems(FlexComponent.Alignment.BASELINE);
        decision.setVisible(viewer.hasAnyRole(Roles.QUALITY));
        var details = new Div(selected, decision, affected);
        details.setId("release-details");
        details.setWidthFull();

        model.setId("release-model");
        module.setId("release-module");
        module.setItems(Arrays.stream(FirmwareModule.values()).map(Enum::name).toList());
        version.setId("release-version");
        sha256.setId("release-sha256");
        sha256.setWidth("40em");
        size.setId("release-size");
        size.setMin(1);
        signature.setId("release-signature");
        signature.setWidthFull();
        register.setId("register-button");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> register());
        var manifest = new HorizontalLayout(model, module, version, size);
        manifest.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(releases, details, answer, new H3("Register a release"), manifest, sha256, signature, register);
        reload();
        select(null);
    }

    void register() {
        var fields = List.of(
                Answer.required(model, "Required"),
                Answer.required(module, "Required"),
                Answer.required(version, "Required"),
                Answer.required(sha256, "Required"),
                Answer.required(signature, "Required"));
        var sizeBytes = size.getValue();
        if (sizeBytes == null || sizeBytes < 1) {
            Answer.invalid(size, "The image's size in bytes");
        }
        if (fields.stream().anyMatch(Optional::isEmpty) || sizeBytes == null || sizeBytes < 1) {
            return;
        }
        var registration = new ReleaseRegistration(
                model.getValue().strip(),
                module.getValue(),
                version.getValue().strip(),
                sha256.getValue().strip(),
                sizeBytes,
                signature.getValue().strip());
        answer.ask(ProblemException.class, () -> catalog.registerRelease(registration))
                .ifPresent(release -> {
                    answer.say("Registered " + label(release) + " as DRAFT; signature " + signature(release) + ".");
                    signature.clear();
                    reload();
                    releases.select(release);
                });
    }

    /** An approval is signed: the dialog asks for the password and the meaning, provisioning checks and records both. */
    void approve() {
        var release = releases.asSingleSelect().getValue();
        if (release == null) {
            return;
        }
        Answer.required(reason, "Required")
                .ifPresent(why -> new SignatureDialog(
                                "approve-dialog",
                                "Approve " + label(release) + "?",
                                "Units may be flashed with this image from now on. Reason: " + why,
                                viewer.name(),
                                "Sign and approve",
                                credential -> answer.ask(
                                                ProblemException.class,
                                                () -> catalog.approveRelease(
                                                        release.id(), new ReleaseDecision(why, credential)))
                                        .ifPresent(approved -> decided(approved, "Approved ", credential)))
                        .open());
    }

    /** A revocation is signed as an approval is: it holds every unit that carries the release. */
    void revoke() {
        var release = releases.asSingleSelect().getValue();
        if (release == null) {
            return;
        }
        Answer.required(reason, "Required")
                .ifPresent(why -> new SignatureDialog(
                                "revoke-dialog",
                                "Revoke " + label(release) + "?",
                                "No unit is flashed with it again and every unit carrying it is held. Reason: " + why,
                                viewer.name(),
                                "Sign and revoke",
                                credential -> answer.ask(
                                                ProblemException.class,
                                                () -> catalog.revokeRelease(
                                                        release.id(), new ReleaseDecision(why, credential)))
                                        .ifPresent(revoked -> decided(revoked, "Revoked ", credential)))
                        .open());
    }

    String answerText() {
        return answer.getText();
    }

    private void decided(ReleaseSummary release, String verb, SignatureCredential credential) {
        answer.say(verb + label(release) + ", signed by " + viewer.name() + " (" + credential.meaning() + ").");
        reason.clear();
        reload();
        releases.select(release);
    }

    private void reload() {
        var selectedId =
                Optional.ofNullable(releases.asSingleSelect().getValue()).map(ReleaseSummary::id);
        var all = catalog.releases(null);
        releases.setItems(all);
        selectedId
                .flatMap(id -> all.stream().filter(r -> r.id().equals(id)).findFirst())
                .ifPresent(releases::select);
    }

    /** Shows the release picked in the table, its decision buttons and, once revoked, the units carrying it. */
    private void select(@Nullable ReleaseSummary release) {
        affected.removeAll();
        if (release == null) {
            selected.setText("Pick a release in the table to approve, revoke or see its units.");
            approve.setEnabled(false);
            revoke.setEnabled(false);
            return;
        }
        selected.setText(label(release) + " · " + release.state() + " · signature " + signature(release)
                + (release.approvalReason() == null ? "" : " · approved: " + release.approvalReason()));
        approve.setEnabled(release.state() == ReleaseState.DRAFT);
        revoke.setEnabled(release.state() != ReleaseState.REVOKED);
        if (release.state() == ReleaseState.REVOKED) {
            answer.ask(ProblemException.class, () -> catalog.affectedSerials(release.id()))
                    .ifPresent(this::showAffected);
        }
    }

    private void showAffected(List<Serial> serials) {
        var count = new Span(serials.size() + (serials.size() == 1 ? " unit carries" : " units carry") + " this release"
                + (serials.isEmpty() ? "." : ":"));
        count.setId("affected-count");
        affected.add(count);
        // The recall's scope by where the units stand (tracking's view): how many are still in the plant, held…
        var byStatus = new java.util.TreeMap<String, Integer>();
        statuses.of(new UnitStatuses.Serials(serials.stream().map(Serial::value).toList()))
                .values()
                .forEach(status -> byStatus.merge(status, 1, Integer::sum));
        var summary = new Span(byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().toLowerCase().replace('_', ' '))
                .reduce((a, b) -> a + ", " + b)
                .orElse("no unit known to tracking"));
        summary.setId("affected-by-status");
        affected.add(summary);
        var list = new Div();
        list.getStyle()
                .setDisplay(Style.Display.FLEX)
                .setFlexWrap(Style.FlexWrap.WRAP)
                .setGap("var(--lumo-space-s)");
        // Each serial opens its unit: history, holds and provisioning.
        serials.forEach(serial -> list.add(new Anchor("units?serial=" + serial.value(), serial.value())));
        affected.add(list);
    }

    List<String> affectedSerialsShown() {
        return affected.getChildren()
                .filter(Div.class::isInstance)
                .flatMap(list -> list.getChildren())
                .map(link -> ((Anchor) link).getText())
                .toList();
    }

    static String signature(ReleaseSummary release) {
        return release.signatureValid()
                ? "✔ valid (key " + Objects.requireNonNullElse(release.signedBy(), "?") + ")"
                : "✘ does not verify against any trusted key";
    }

    private static String label(ReleaseSummary release) {
        return release.model() + " " + release.module() + " " + release.version();
    }

    private static String shortHash(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }

    private static String who(@Nullable String by, @Nullable Instant at) {
        return by == null ? "" : by + (at == null ? "" : " " + time(at));
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
