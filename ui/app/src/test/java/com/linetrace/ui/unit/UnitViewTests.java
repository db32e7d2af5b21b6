package com.linetrace.ui.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.DeviceKey;
import com.linetrace.trace.api.Genealogy;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.HoldRecord;
import com.linetrace.trace.api.InstalledPart;
import com.linetrace.trace.api.ModuleFirmware;
import com.linetrace.trace.api.OperationParts;
import com.linetrace.trace.api.OperationRecord;
import com.linetrace.trace.api.ProvisioningRecord;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnitStatus;
import com.linetrace.trace.api.UnitSummary;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.trace.api.UnknownSerialException;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

@ViewPackages(classes = BlankRoute.class)
class UnitViewTests extends BrowserlessTest {

    private static final Serial UNIT = Serial.issue("LTRC", 15, 9);
    private static final Serial CONTROLLER = Serial.issue("LTRC", 16, 9);
    private static final String HASH = "ab".repeat(32);
    private static final String FINGERPRINT = "cd".repeat(32);
    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");
    private static final String HOSTILE = "<img src=x onerror=alert(1)> recalled";

    /** Trace in memory: what it recorded per serial, which serials were asked for, which records were made. */
    private static final class Trace implements UnitHistory, UnitTrace, DeviceHistoryRecords {
        final Map<Serial, Genealogy> genealogies = new HashMap<>();
        final List<Serial> asked = new ArrayList<>();
        final List<String> records = new ArrayList<>();

        private Genealogy known(Serial serial) {
            asked.add(serial);
            var genealogy = genealogies.get(serial);
            if (genealogy == null) {
                throw UnknownSerialException.of(serial);
            }
            return genealogy;
        }

        @Override
        public List<HistoryEntry> history(Serial serial) {
            known(serial);
            return List.of(
                    entry("UnitsArrived", "Checked in for op 10 Frame and arms"),
                    entry("WorkCompleted", "PASS at op 10 Frame and arms"));
        }

        @Override
        public List<HistoryEntry> latest(LineId lineId, int limit) {
            return List.of();
        }

        @Override
        public UnitSummary unit(Serial serial) {
            return known(serial).unit();
        }

        @Override
        public Genealogy genealogy(Serial serial) {
            return known(serial);
        }

        @Override
        public List<OperationRecord> operations(Serial serial) {
            known(serial);
            return List.of(new OperationRecord(
                    10,
                    "Frame and arms",
                    "ASSEMBLY",
                    "ASM-1",
                    "op1",
                    false,
                    AT,
                    AT,
                    "FAIL",
                    List.of("<b>SCREW</b>"),
                    AT));
        }

        @Override
        public List<HoldRecord> holds(Serial serial) {
            known(serial);
            return List.of(new HoldRecord("HELD", HOSTILE, "quality", null, AT));
        }

        @Override
        public List<ProvisioningRecord> provisioning(Serial serial) {
            known(serial);
            return List.of(new ProvisioningRecord(
                    UUID.randomUUID(),
                    "FirmwareVerified",
                    AT,
                    "FW-1",
                    "FIX-FW-1",
                    "FLIGHT_CONTROLLER",
                    UUID.randomUUID(),
                    "4.2.0",
                    HASH,
                    null,
                    null,
                    null));
        }

        @Override
        public ResponseEntity<Resource> pdf(Serial serial) {
            known(serial);
            records.add("pdf " + serial.value());
            return ResponseEntity.ok(new ByteArrayResource("%PDF-1.4".getBytes()));
        }

        @Override
        public ResponseEntity<Resource> json(Serial serial) {
            known(serial);
            records.add("json " + serial.value());
            return ResponseEntity.ok(new ByteArrayResource("{}".getBytes()));
        }

        @Override
        public ExportReceipt exportPdf(Serial serial) {
            known(serial);
            records.add("pdf to folder " + serial.value());
            return new ExportReceipt("/srv/exports/dhr-" + serial.value() + "-1.pdf", 8, "ab".repeat(32));
        }

        @Override
        public ExportReceipt exportJson(Serial serial) {
            known(serial);
            records.add("json to folder " + serial.value());
            return new ExportReceipt("/srv/exports/dhr-" + serial.value() + "-1.json", 2, "ab".repeat(32));
        }
    }

    private final Trace trace = new Trace();
    private UnitView view;

    private static UnitSummary summary(Serial serial, String model) {
        return new UnitSummary(serial.value(), model, "WO-000001", 3, "L1", UnitStatus.HELD, true, "ASM-2", 30, AT, AT);
    }

    @BeforeEach
    void openView() {
        var controller = new Genealogy(
                summary(CONTROLLER, "FC-H7"),
                List.of(new OperationParts(
                        10,
                        "IMU",
                        List.of(new InstalledPart("IMU-42688", "L-IMU-7", null, 1, null, "ASM-9", "op2", AT, null)))),
                List.of(),
                null,
                false);
        trace.genealogies.put(CONTROLLER, controller);
        trace.genealogies.put(
                UNIT,
                new Genealogy(
                        summary(UNIT, "AX4-ENT"),
                        List.of(
                                new OperationParts(
                                        20,
                                        "Propulsion",
                                        List.of(new InstalledPart(
                                                "MTR-2306", "L-MTR-1", null, 4, null, "ASM-2", "op1", AT, null))),
                                new OperationParts(
                                        30,
                                        "Avionics",
                                        List.of(new InstalledPart(
                                                "FC-H7",
                                                null,
                                                CONTROLLER.value(),
                                                1,
                                                "U1",
                                                "ASM-2",
                                                "op1",
                                                AT,
                                                controller)))),
                        List.of(new ModuleFirmware(
                                FirmwareModule.FLIGHT_CONTROLLER,
                                UUID.randomUUID(),
                                "AX4-ENT",
                                "4.2.0",
                                HASH,
                                "FIX-FW-1",
                                "FW-1",
                                AT,
                                null)),
                        new DeviceKey(
                                FINGERPRINT,
                                "CN=" + UNIT.value(),
                                "CN=Plant CA",
                                "SE-1",
                                "device-identity",
                                null,
                                "KEY-1",
                                AT,
                                true,
                                null,
                                null),
                        false));
        view = new UnitView(trace, trace, trace);
        UI.getCurrent().add(view);
    }

    private static HistoryEntry entry(String type, String summary) {
        return new HistoryEntry(UUID.randomUUID(), type, AT, "L1", "ASM-1", UNIT.value(), "op1", summary);
    }

    @Test
    void showsWhereTheUnitStandsAndItsTimelineOldestFirst() {
        test(view.serialField).setValue(UNIT.value());
        view.show(view.serialField.getValue());

        var grid = test(view.events);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 1)).isEqualTo("UnitsArrived");
        assertThat(grid.getCellText(1, 3)).isEqualTo("PASS at op 10 Frame and arms");
        assertThat(view.messageText())
                .isEqualTo(UNIT.value() + ": HELD · AX4-ENT · WO-000001 · route v3 · last at ASM-2 · 2 events.");
    }

    @Test
    void showsTheGenealogyAsATreeWhoseSubAssemblyOpensIntoItsOwn() {
        view.show(UNIT.value());

        var tree = test(view.genealogy);
        // The hierarchy column renders in the browser: its text is the row's item.
        // The unit's rows open: op 20 and its motor lot, op 30 and its flight controller, firmware and its module, key.
        assertThat(tree.getRow(0).item()).isEqualTo("Op 20 Propulsion");
        assertThat(tree.getCellText(1, 1)).isEqualTo("L-MTR-1");
        assertThat(tree.getRow(3).item()).isEqualTo("FC-H7");
        assertThat(tree.getCellText(3, 2)).isEqualTo(CONTROLLER.value());
        assertThat(tree.getCellText(3, 3)).isEqualTo("U1");
        var controllerRow = tree.getRow(3);
        assertThat(view.genealogy.isExpanded(controllerRow)).isFalse();
        assertThat(tree.size()).isEqualTo(7);

        view.genealogy.expand(controllerRow);
        view.genealogy.expand(controllerRow.children().getFirst());

        assertThat(tree.size()).isEqualTo(9);
        assertThat(tree.getCellText(5, 1)).isEqualTo("L-IMU-7");
        assertThat(tree.getRow(6).item()).isEqualTo("Firmware");
        assertThat(tree.getCellText(8, 4)).contains(FINGERPRINT);
    }

    @Test
    void showsOperationsProvisioningAndHoldsWithHostileTextAsText() {
        view.show(UNIT.value());

        assertThat(test(view.operations).getCellText(0, 7)).isEqualTo("<b>SCREW</b>");
        assertThat(test(view.provisioning).getCellText(0, 4)).isEqualTo(HASH);
        assertThat(test(view.holds).getCellText(0, 2)).isEqualTo(HOSTILE);
        assertThat(view.dhrPdf.getHref()).isNotBlank();
        assertThat(view.dhrJson.getHref()).isNotBlank();
        assertThat(trace.records)
                .as("no record is made until a person follows a link")
                .isEmpty();
    }

    @Test
    void offlineWritesTheRecordToTheExportFolderAndOffersNoDownload() {
        UI.getCurrent().remove(view);
        view = new UnitView(trace, trace, trace, true);
        UI.getCurrent().add(view);
        view.show(UNIT.value());

        assertThat(view.dhrPdf.isVisible()).isFalse();
        assertThat(view.dhrJson.isVisible()).isFalse();
        test(view.dhrPdfToFolder).click();

        assertThat(trace.records).containsExactly("pdf to folder " + UNIT.value());
        assertThat(view.messageText()).startsWith("Written to the export folder: /srv/exports/dhr-" + UNIT.value());
    }

    @Test
    void saysWhatIsWrongWithAMalformedSerialAndAsksNothing() {
        var misread = UNIT.value().substring(0, UNIT.value().length() - 1)
                + (UNIT.value().endsWith("0") ? "1" : "0");

        view.show(misread);

        assertThat(view.messageText()).startsWith("Not a serial: ").contains("check character");
        assertThat(trace.asked).isEmpty();
        assertThat(test(view.events).size()).isZero();
    }

    @Test
    void saysWhenNoUnitHasTheSerial() {
        var unknown = Serial.issue("LTRC", 999, 9);

        view.show(unknown.value());

        assertThat(view.messageText())
                .isEqualTo("No unit " + unknown.value() + " is known: nothing was recorded for this serial.");
        assertThat(test(view.events).size()).isZero();
    }
}
