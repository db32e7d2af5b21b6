package com.linetrace.ui.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Set;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class HoldsViewTests extends BrowserlessTest {

    private final FakeUnitHolds tracking = new FakeUnitHolds();

    private HoldsView openAs(String user, String role) {
        var view = new HoldsView(tracking, new Viewer(user, Set.of(role)));
        UI.getCurrent().add(view);
        return view;
    }

    private void click(String id) {
        test($(Button.class).id(id)).click();
    }

    private String answer() {
        return $(Div.class).id("holds-answer").getText();
    }

    @Test
    void holdsAPastedListOfSerialsAndNamesThoseItCouldNotHold() {
        var view = openAs("supervisor", "SUPERVISOR");
        test(view.serials).setValue("LTRCA000000015\nLTRCA000000024, LTRCA0000000ZZ\n\n");
        test(view.holdReason).setValue("Loose arm screws reported");

        click("hold-serials-button");

        assertThat(tracking.held).containsExactly("LTRCA000000015", "LTRCA000000024");
        assertThat(tracking.calls)
                .containsExactly("hold [LTRCA000000015, LTRCA000000024, LTRCA0000000ZZ] Loose arm screws reported");
        assertThat(answer())
                .contains("Held 2: LTRCA000000015, LTRCA000000024")
                .contains("Not held (unknown or scrapped) 1: LTRCA0000000ZZ");
    }

    @Test
    void refusesAHoldWithoutAReasonAndHoldsNothing() {
        var view = openAs("supervisor", "SUPERVISOR");
        test(view.serials).setValue("LTRCA000000015");

        click("hold-serials-button");

        assertThat(view.holdReason.isInvalid()).isTrue();
        assertThat(view.holdReason.getErrorMessage()).isEqualTo("A reason is required");
        assertThat(tracking.calls).isEmpty();
    }

    @Test
    void holdsAWholeWorkOrder() {
        var view = openAs("quality", "QUALITY");
        test(view.workOrder).setValue("WO-000001");
        test(view.holdReason).setValue("Wrong torque spec");

        click("hold-work-order-button");

        assertThat(tracking.held).hasSize(3);
        assertThat(answer()).startsWith("Held work order WO-000001: 3");
    }

    @Test
    void showsTrackingsRefusalInWords() {
        var view = openAs("quality", "QUALITY");
        test(view.workOrder).setValue("WO-999999");
        test(view.holdReason).setValue("Wrong torque spec");

        click("hold-work-order-button");

        assertThat(answer()).isEqualTo("No work order WO-999999");
        assertThat($(Div.class).id("holds-answer").getElement().getAttribute("data-outcome"))
                .isEqualTo("refused");
    }

    @Test
    void offersReleaseAndQuarantineOnlyToQualityAndAdmin() {
        var supervisor = openAs("supervisor", "SUPERVISOR");
        assertThat(supervisor.release.isVisible()).isFalse();
        assertThat(supervisor.lotSection.isVisible()).isFalse();
        assertThat(supervisor.scrap.isVisible()).isTrue();
        UI.getCurrent().removeAll();

        var quality = openAs("quality", "QUALITY");
        assertThat(quality.release.isVisible()).isTrue();
        assertThat(quality.lotSection.isVisible()).isTrue();
        UI.getCurrent().removeAll();

        var admin = openAs("admin", "ADMIN");
        assertThat(admin.release.isVisible()).isTrue();
    }

    @Test
    void releasesOneUnitWithAReason() {
        tracking.held.add("LTRCA000000015");
        var view = openAs("quality", "QUALITY");
        test(view.unitSerial).setValue("LTRCA000000015");
        test(view.unitReason).setValue("Screws re-torqued and checked");

        click("release-button");
        assertThat(tracking.held).as("nothing released before the signature").isNotEmpty();
        click("release-dialog-sign");
        assertThat(tracking.calls).as("no signature without the password").isEmpty();
        test($(PasswordField.class).id("release-dialog-password")).setValue("quality");
        test($(RadioButtonGroup.class).id("release-dialog-meaning")).selectItem("Approved");
        click("release-dialog-sign");

        assertThat(tracking.held).isEmpty();
        assertThat(tracking.calls)
                .containsExactly("release LTRCA000000015 Screws re-torqued and checked signed APPROVED");
        assertThat(answer()).isEqualTo("Released LTRCA000000015, signed by quality (APPROVED).");
    }

    @Test
    void aRefusedSignatureIsShownAndReleasesNothing() {
        tracking.held.add("LTRCA000000015");
        var view = openAs("quality", "QUALITY");
        test(view.unitSerial).setValue("LTRCA000000015");
        test(view.unitReason).setValue("Screws re-torqued and checked");

        click("release-button");
        test($(PasswordField.class).id("release-dialog-password")).setValue("wrong");
        test($(RadioButtonGroup.class).id("release-dialog-meaning")).selectItem("Reviewed");
        click("release-dialog-sign");

        assertThat(tracking.held).containsExactly("LTRCA000000015");
        assertThat(answer()).contains("The password is not yours");
    }

    @Test
    void asksForConfirmationBeforeScrapping() {
        var view = openAs("supervisor", "SUPERVISOR");
        test(view.unitSerial).setValue("LTRCA000000024");
        test(view.unitReason).setValue("Frame cracked");

        click("scrap-button");
        assertThat(tracking.scrapped)
                .as("nothing scrapped before the confirmation")
                .isEmpty();
        assertThat($(Dialog.class).id("scrap-dialog").getHeaderTitle()).isEqualTo("Scrap LTRCA000000024?");
        test($(PasswordField.class).id("scrap-dialog-password")).setValue("supervisor");
        test($(RadioButtonGroup.class).id("scrap-dialog-meaning")).selectItem("Responsible");
        click("scrap-dialog-sign");

        assertThat(tracking.scrapped).containsExactly("LTRCA000000024");
        assertThat(answer()).isEqualTo("Scrapped LTRCA000000024, signed by supervisor (RESPONSIBLE).");
    }

    @Test
    void cancellingTheScrapScrapsNothing() {
        var view = openAs("supervisor", "SUPERVISOR");
        test(view.unitSerial).setValue("LTRCA000000024");
        test(view.unitReason).setValue("Frame cracked");

        click("scrap-button");
        click("scrap-dialog-cancel");

        assertThat(tracking.scrapped).isEmpty();
        assertThat(tracking.calls).isEmpty();
    }

    @Test
    void quarantineShowsTheHeldSerials() {
        var view = openAs("quality", "QUALITY");
        test(view.partNumber).setValue("ARM-AX4");
        test(view.lot).setValue("L2605");
        test(view.lotReason).setValue("Cracked arm hinges");

        click("quarantine-button");

        assertThat(tracking.quarantined).containsExactly("ARM-AX4/L2605");
        assertThat(answer()).isEqualTo("Quarantined lot L2605 of ARM-AX4; held 2: LTRCA000000015, LTRCA000000024");
    }

    @Test
    void liftsAQuarantineAndSaysTheUnitsStayHeld() {
        tracking.quarantined.add("ARM-AX4/L2605");
        var view = openAs("quality", "QUALITY");
        test(view.partNumber).setValue("ARM-AX4");
        test(view.lot).setValue("L2605");
        test(view.lotReason).setValue("Supplier cleared the batch");

        click("lift-button");

        assertThat(tracking.quarantined).isEmpty();
        assertThat(answer())
                .contains("Lifted the quarantine of lot L2605 of ARM-AX4")
                .contains("stay held");
    }
}
