package com.linetrace.ui.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.line.AndonRule;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.metrics.api.AndonAlert;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.Work;
import com.linetrace.ui.UiSettings;
import com.linetrace.ui.dashboard.LineBoards;
import com.linetrace.ui.security.Viewer;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class StationViewTests extends BrowserlessTest {

    private final FakeStationOperations tracking = new FakeStationOperations();
    private final FakeLineMetrics metrics = new FakeLineMetrics();
    private final LineBoards boards = new LineBoards(metrics, metrics, metrics, UiSettings.defaults());
    private StationView view;

    @AfterEach
    void closeBoards() {
        boards.destroy();
    }

    @BeforeEach
    void openTerminal() {
        view = open();
    }

    private StationView open() {
        var terminal = new StationView(
                tracking, boards, metrics, UiSettings.defaults(), new Viewer("operator", Set.of(Roles.OPERATOR)));
        UI.getCurrent().add(terminal);
        return terminal;
    }

    /** What the scanner's Enter runs; the Enter shortcut itself lives in the browser and is driven there. */
    private void scan(String barcode) {
        test(scanField()).setValue(barcode);
        view.scan();
    }

    private TextField scanField() {
        return byId(TextField.class, "scan-field");
    }

    private VerdictPanel verdict() {
        return byId(VerdictPanel.class, "verdict");
    }

    private <T extends com.vaadin.flow.component.Component> T byId(Class<T> type, String id) {
        return $(type).id(id);
    }

    @Test
    void showsTheAndonAlertsOfItsLineLargeAndOffersAnOperatorNoAcknowledgement() {
        metrics.alerts = List.of(
                new AndonAlert(
                        UUID.randomUUID(),
                        "L1",
                        "TST-1",
                        AndonRule.STATION_STALLED,
                        "TST-1",
                        "TST-1 has work and no event for 11 min",
                        Instant.now().minusSeconds(60),
                        null,
                        null,
                        null,
                        null),
                new AndonAlert(
                        UUID.randomUUID(),
                        "L2",
                        null,
                        AndonRule.LOT_QUARANTINED,
                        "X/Y",
                        "Other line",
                        Instant.now(),
                        null,
                        null,
                        null,
                        null));
        assertThat(view.andon.isVisible()).as("no station, no line yet").isFalse();

        view.useStation("ASM-1");

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
            roundTrip();
            return view.andon.isVisible();
        });
        assertThat(metrics.asked).containsOnly("L1");
        assertThat(view.andon.shownAlerts())
                .extracting(AndonAlert::message)
                .containsExactly("TST-1 has work and no event for 11 min");
        assertThat(view.andon.getElement().getTextRecursively()).contains("Station stalled");
        assertThat($(Button.class).withClassName("andon-acknowledge").all()).isEmpty();
    }

    @Test
    void sendsNoScanUntilTheStationIsKnownAndTakesItFromItsScannedLabel() {
        scan("DRNXA0002QD2J1R");
        assertThat(tracking.scans).as("no station yet").isEmpty();

        scan("ASM-2");
        assertThat(view.station()).isEqualTo("ASM-2");
        assertThat(tracking.scans).as("a station label is no unit").isEmpty();

        scan("DRNXA0002QD2J1R");
        assertThat(tracking.scans)
                .singleElement()
                .satisfies(scan -> assertThat(scan.stationId()).isEqualTo("ASM-2"));

        scan("ASM-1");
        assertThat(view.station()).as("the terminal moved to another station").isEqualTo("ASM-1");
    }

    @Test
    void checksTheScannedBarcodeInAtThePickedStation() {
        view.useStation("ASM-1");

        scan("DRNXA0002QD2J1R");

        assertThat(tracking.scans).singleElement().satisfies(scan -> {
            assertThat(scan.stationId()).isEqualTo("ASM-1");
            assertThat(scan.serial()).isEqualTo("DRNXA0002QD2J1R");
        });
    }

    @Test
    void showsGreenVerdictWithOperationWhenAccepted() {
        view.useStation("ASM-1");

        scan("DRNXA0002QD2J1R");

        assertThat(verdict().text()).startsWith("GO — op 20 Propulsion");
        assertThat(verdict().getElement().getAttribute("data-verdict")).isEqualTo("ACCEPTED");
        assertThat(verdict().getStyle().get("background-color")).contains("success");
        assertThat(view.passButton.isVisible()).isTrue();
        assertThat(view.failButton.isVisible()).isTrue();
    }

    @Test
    void showsRedVerdictWithReasonWhenRejected() {
        view.useStation("ASM-1");
        tracking.refuseNextScans(Refusal.WRONG_STATION, "Next step is op 50 Firmware at a FIRMWARE_FLASH station");

        scan("DRNXA0002QD2J1R");

        assertThat(verdict().text()).startsWith("STOP — Next step is op 50 Firmware at a FIRMWARE_FLASH station");
        assertThat(verdict().getElement().getAttribute("data-verdict")).isEqualTo("REJECTED");
        assertThat(verdict().getStyle().get("background-color")).contains("error");
        assertThat(view.passButton.isVisible()).isFalse();
    }

    @Test
    void clearsTheScanFieldForTheNextScan() {
        view.useStation("ASM-1");

        scan("DRNXA0002QD2J1R");

        assertThat(scanField().getValue()).isEmpty();
    }

    @Test
    void recordsPassForTheCheckedInSerial() {
        view.useStation("ASM-1");
        scan("DRNXA0002QD2J1R");

        test(byId(Button.class, "pass-button")).click();

        assertThat(tracking.checkOuts)
                .containsExactly(
                        new FakeStationOperations.CheckedOut("ASM-1", "DRNXA0002QD2J1R", Result.PASS, List.of()));
        assertThat(verdict().text()).startsWith("GO — PASS recorded");
        assertThat(view.passButton.isVisible()).isFalse();
    }

    @Test
    void asksForDefectCodesAndRecordsFailWithThem() {
        view.useStation("ASM-1");
        scan("DRNXA0002QD2J1R");

        test(byId(Button.class, "fail-button")).click();
        var dialog = $(DefectDialog.class).single();
        assertThat(dialog.confirm.isEnabled()).as("FAIL needs a defect code").isFalse();
        test(dialog.codes).selectItem("SCREW-TORQUE", "IMU-CAL-FAIL");
        test(dialog.confirm).click();

        assertThat(tracking.checkOuts).singleElement().satisfies(out -> {
            assertThat(out.result()).isEqualTo(Result.FAIL);
            assertThat(out.defects()).containsExactly("IMU-CAL-FAIL", "SCREW-TORQUE");
        });
    }

    @Test
    void listsTheStationsLatestScansNewestFirst() {
        view.useStation("ASM-1");
        scan("DRNXA0002QD2J1R");
        scan("DRNX9ABC123456790");

        var grid = test(byId(Grid.class, "recent-scans"));
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 1)).isEqualTo("DRNX9ABC123456790");
    }

    @Test
    void remembersTheStationForTheSession() {
        view.useStation("ASM-2");
        UI.getCurrent().remove(view);

        var next = open();

        assertThat(VaadinSession.getCurrent().getAttribute(StationView.SESSION_STATION))
                .isEqualTo("ASM-2");
        assertThat(next).isNotNull();
        assertThat($(TextField.class).id("scan-field").isEnabled()).isTrue();
    }

    private static final String UNIT = "LTRCA0000000010";

    private void giveFrameAndArms() {
        tracking.giveWork(
                "Mount the four arms on the frame; torque 0.6 Nm.",
                new Work.PartProgress("FRM-AX4", "Carbon frame", 1, 0, false),
                new Work.PartProgress("ARM-AX4", "Folding arm", 4, 0, false));
    }

    private WorkPanel work() {
        return view.work;
    }

    @Test
    void showsTheWorkInstructionAndThePartsStillToScanAfterCheckIn() {
        view.useStation("ASM-1");
        giveFrameAndArms();

        scan(UNIT);

        assertThat(work().isVisible()).isTrue();
        assertThat($(Paragraph.class).id("work-instruction").getText())
                .isEqualTo("Mount the four arms on the frame; torque 0.6 Nm.");
        assertThat(work().partRows()).containsExactly("FRM-AX4 0/1", "ARM-AX4 0/4");
    }

    @Test
    void takesPartBarcodesWhileAUnitIsCheckedIn() {
        view.useStation("ASM-1");
        giveFrameAndArms();
        scan(UNIT);

        scan("FRM-AX4;L=L2611");

        assertThat(tracking.installs).containsExactly("FRM-AX4;L=L2611");
        assertThat(verdict().text()).startsWith("GO — Installed FRM-AX4").contains(UNIT + " · part accepted");
        assertThat(work().partRows()).containsExactly("FRM-AX4 1/1", "ARM-AX4 0/4");
        assertThat(tracking.scans).hasSize(2);
    }

    @Test
    void enablesPassOnlyWhenAllPartsAreScanned() {
        view.useStation("ASM-1");
        giveFrameAndArms();
        scan(UNIT);
        assertThat(view.passButton.isEnabled()).isFalse();
        assertThat(view.failButton.isEnabled()).as("FAIL is always possible").isTrue();

        scan("FRM-AX4;L=L2611");
        for (int arm = 1; arm <= 3; arm++) {
            scan("ARM-AX4;L=L2605");
        }
        assertThat(view.passButton.isEnabled()).isFalse();
        scan("ARM-AX4;L=L2605");

        assertThat(view.passButton.isEnabled()).isTrue();
        test(view.passButton).click();
        assertThat(tracking.checkOuts)
                .singleElement()
                .extracting(FakeStationOperations.CheckedOut::result)
                .isEqualTo(Result.PASS);
        assertThat(work().isVisible()).isFalse();
    }

    @Test
    void showsARefusedPartInRedWithTheReasonAndKeepsTheUnit() {
        view.useStation("ASM-1");
        giveFrameAndArms();
        scan(UNIT);

        scan("MTR-2207;L=L2601");

        assertThat(verdict().getElement().getAttribute("data-verdict")).isEqualTo("REJECTED");
        assertThat(verdict().text()).startsWith("STOP — MTR-2207 is not in the bill of materials");
        assertThat(verdict().getStyle().get("background-color")).contains("error");
        assertThat(work().partRows()).containsExactly("FRM-AX4 0/1", "ARM-AX4 0/4");
        assertThat(view.failButton.isVisible()).isTrue();
    }

    @Test
    void checksANewSerialInAsBeforeWhileAUnitIsAtWork() {
        view.useStation("ASM-1");
        giveFrameAndArms();
        scan(UNIT);

        scan("LTRCA000000024");

        assertThat(tracking.installs).isEmpty();
        assertThat(tracking.scans.getFirst().action()).isEqualTo(ScanVerdict.Action.CHECK_IN);
        assertThat(verdict().text()).contains("LTRCA000000024 · check-in accepted");
    }

    @Test
    void keepsTheUnitAtWorkWhenAnotherScanIsRefused() {
        view.useStation("ASM-1");
        giveFrameAndArms();
        scan(UNIT);
        tracking.refuseNextScans(Refusal.MALFORMED_BARCODE, "The check character does not match");

        scan("LTRCA000000016");

        assertThat(verdict().text()).startsWith("STOP — The check character does not match");
        assertThat(view.failButton.isVisible()).isTrue();
        assertThat(work().partRows()).containsExactly("FRM-AX4 0/1", "ARM-AX4 0/4");
    }

    @Test
    void readsOnlyLabelsWithTheSeparatorAsParts() {
        assertThat(StationView.isPartBarcode("FRM-AX4;L=L2611")).isTrue();
        assertThat(StationView.isPartBarcode("ESC-40A;S=E12345")).isTrue();
        assertThat(StationView.isPartBarcode("LTRCA000000015")).isFalse();
        assertThat(StationView.isPartBarcode(";L=L2611")).isFalse();
    }
}
