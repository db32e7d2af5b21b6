package com.linetrace.ui.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.ReleaseState;
import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@ViewPackages(classes = BlankRoute.class)
class ReleasesViewTests extends BrowserlessTest {

    private final FakeReleaseCatalog provisioning = new FakeReleaseCatalog();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ReleasesView openAs(String user, String role) {
        // Tracking's side of the recall: the first serial completed and held, the others in progress and held.
        var view = new ReleasesView(
                provisioning,
                asked -> asked.serials().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                s -> s,
                                s -> s.equals(asked.serials().getFirst()) ? "COMPLETED (held)" : "IN_PROGRESS (held)")),
                new Viewer(user, Set.of(role)));
        // The catalog takes its caller from Spring Security's context, where the UI's sign-in puts the user.
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_" + role));
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void listsReleasesWithTheirSignatureCheck() {
        provisioning.add("APPROVED", "4.2.0", true);
        provisioning.add("DRAFT", "4.3.0-rc1", false);
        var view = openAs("engineer", "ENGINEER");

        var grid = test(view.releases);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 0)).isEqualTo("APPROVED");
        assertThat(grid.getCellText(0, 3)).isEqualTo("4.2.0");
        assertThat(grid.getCellText(0, 5)).isEqualTo("✔ valid (key release-2026)");
        assertThat(grid.getCellText(1, 5)).isEqualTo("✘ does not verify against any trusted key");
        assertThat(grid.getCellText(0, 7)).startsWith("quality ");
    }

    @Test
    void registersAReleaseAndShowsItsSignatureCheck() {
        var view = openAs("engineer", "ENGINEER");
        test(view.model).setValue("AX4-ENT");
        test(view.module).selectItem("GIMBAL");
        test(view.version).setValue("2.1.0");
        test(view.sha256).setValue("cd".repeat(32));
        view.size.setValue(524_288);
        test(view.signature).setValue(FakeReleaseCatalog.GOOD_SIGNATURE);

        test(view.register).click();

        assertThat(provisioning.releases).singleElement().satisfies(release -> {
            assertThat(release.module()).isEqualTo("GIMBAL");
            assertThat(release.registeredBy()).isEqualTo("engineer");
        });
        assertThat(view.answerText())
                .isEqualTo("Registered AX4-ENT GIMBAL 2.1.0 as DRAFT; signature ✔ valid (key release-2026).");
        assertThat(test(view.releases).size()).isEqualTo(1);
    }

    @Test
    void showsWhyABadSignatureIsRefused() {
        var view = openAs("engineer", "ENGINEER");
        test(view.model).setValue("AX4-ENT");
        test(view.module).selectItem("GIMBAL");
        test(view.version).setValue("2.1.0");
        test(view.sha256).setValue("cd".repeat(32));
        view.size.setValue(524_288);
        test(view.signature).setValue("Zm9yZ2Vk");

        test(view.register).click();

        assertThat(provisioning.releases).isEmpty();
        assertThat(view.answerText()).startsWith("The signature does not verify against any trusted release key");
    }

    @Test
    void refusesToRegisterWithoutEveryField() {
        var view = openAs("engineer", "ENGINEER");
        test(view.model).setValue("AX4-ENT");

        test(view.register).click();

        assertThat(provisioning.releases).isEmpty();
        assertThat(view.signature.isInvalid()).isTrue();
        assertThat(view.size.isInvalid()).isTrue();
    }

    @Test
    void offersApproveAndRevokeOnlyToQuality() {
        provisioning.add("DRAFT", "4.3.0", true);
        openAs("engineer", "ENGINEER");
        assertThat($(ReleasesView.class)
                        .single()
                        .approve
                        .getParent()
                        .orElseThrow()
                        .isVisible())
                .isFalse();
        UI.getCurrent().removeAll();

        var quality = openAs("quality", "QUALITY");
        assertThat(quality.approve.getParent().orElseThrow().isVisible()).isTrue();
    }

    @Test
    void approvesADraftWithAReason() {
        var draft = provisioning.add("DRAFT", "4.3.0", true);
        var view = openAs("quality", "QUALITY");
        test(view.releases).select(0);
        assertThat(view.approve.isEnabled()).isTrue();

        test(view.approve).click();
        assertThat(view.reason.isInvalid()).as("a reason is required").isTrue();
        assertThat(provisioning.releases.getFirst().state()).isEqualTo(ReleaseState.DRAFT);

        test(view.reason).setValue("Flight tests passed on 20 units");
        test(view.approve).click();
        assertThat(provisioning.releases.getFirst().state())
                .as("nothing approved before the signature")
                .isEqualTo(ReleaseState.DRAFT);
        sign("approve-dialog", "quality", "Approved");

        assertThat(provisioning.releases.getFirst().state()).isEqualTo(ReleaseState.APPROVED);
        assertThat(provisioning.releases.getFirst().approvedBy()).isEqualTo("quality");
        assertThat(view.answerText())
                .isEqualTo("Approved AX4-ENT FLIGHT_CONTROLLER 4.3.0, signed by quality (APPROVED).");
        assertThat(draft.id())
                .isEqualTo(view.releases.asSingleSelect().getValue().id());
    }

    @Test
    void aWrongSignaturePasswordApprovesNothingAndSaysWhy() {
        provisioning.add("DRAFT", "4.3.0", true);
        var view = openAs("quality", "QUALITY");
        test(view.releases).select(0);
        test(view.reason).setValue("Flight tests passed on 20 units");

        test(view.approve).click();
        sign("approve-dialog", "not-my-password", "Approved");

        assertThat(provisioning.releases.getFirst().state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(view.answerText()).contains("nothing was signed");
    }

    /** Fills in the signature dialog {@code id} and signs. */
    private void sign(String id, String password, String meaning) {
        test($(PasswordField.class).id(id + "-password")).setValue(password);
        test($(RadioButtonGroup.class).id(id + "-meaning")).selectItem(meaning);
        test($(Button.class).id(id + "-sign")).click();
    }

    @Test
    void revokingShowsTheAffectedSerials() {
        var approved = provisioning.add("APPROVED", "4.2.0", true);
        provisioning.carrying.put(approved.id(), List.of(Serial.issue("LTRC", 15, 9), Serial.issue("LTRC", 24, 9)));
        var view = openAs("quality", "QUALITY");
        test(view.releases).select(0);
        test(view.reason).setValue("Motor desync at low voltage");

        test(view.revoke).click();
        sign("revoke-dialog", "quality", "Responsible");

        assertThat(provisioning.releases.getFirst().state()).isEqualTo(ReleaseState.REVOKED);
        assertThat($(Span.class).id("affected-count").getText()).isEqualTo("2 units carry this release:");
        assertThat($(Span.class).id("affected-by-status").getText())
                .isEqualTo("1 completed (held), 1 in progress (held)");
        assertThat(view.affectedSerialsShown())
                .containsExactly(
                        Serial.issue("LTRC", 15, 9).value(),
                        Serial.issue("LTRC", 24, 9).value());
        assertThat(view.revoke.isEnabled()).isFalse();
    }
}
