package com.linetrace.ui.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.provisioning.api.UnitFlashes.FlashRecord;
import com.linetrace.provisioning.api.UnitKeyInjections;
import com.linetrace.provisioning.api.UnitKeyInjections.KeyInjectionRecord;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
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

@ViewPackages(classes = BlankRoute.class)
class UnitViewTests extends BrowserlessTest {

    private static final Serial UNIT = Serial.issue("LTRC", 15, 9);
    private static final String HASH = "ab".repeat(32);

    /** Trace and provisioning in memory: what each recorded per serial, and which serials were asked for. */
    private static final class Records implements UnitHistory, UnitFlashes, UnitKeyInjections {
        final Map<Serial, List<HistoryEntry>> history = new HashMap<>();
        final Map<Serial, List<FlashRecord>> flashes = new HashMap<>();
        final Map<Serial, List<KeyInjectionRecord>> keys = new HashMap<>();
        final List<Serial> asked = new ArrayList<>();

        @Override
        public List<HistoryEntry> history(Serial serial) {
            asked.add(serial);
            // As trace answers: a serial it never heard of is refused, not an empty life.
            var life = history.get(serial);
            if (life == null) {
                throw UnknownSerialException.of(serial);
            }
            return life;
        }

        @Override
        public List<HistoryEntry> latest(LineId lineId, int limit) {
            return List.of();
        }

        @Override
        public List<FlashRecord> flashes(Serial serial) {
            return flashes.getOrDefault(serial, List.of());
        }

        @Override
        public List<KeyInjectionRecord> keyInjections(Serial serial) {
            return keys.getOrDefault(serial, List.of());
        }
    }

    private final Records records = new Records();
    private UnitView view;

    @BeforeEach
    void openView() {
        records.history.put(
                UNIT,
                List.of(
                        entry("UnitsArrived", "Checked in for op 10 Frame and arms", "2026-11-25T08:00:00Z"),
                        entry("WorkCompleted", "PASS at op 10 Frame and arms", "2026-11-25T08:03:00Z")));
        records.flashes.put(
                UNIT,
                List.of(new FlashRecord(
                        "FLIGHT_CONTROLLER",
                        "4.2.0",
                        HASH,
                        HASH,
                        "FX-7",
                        "VERIFIED",
                        null,
                        null,
                        "FW-1",
                        "fixture",
                        Instant.parse("2026-11-25T08:20:00Z"))));
        records.keys.put(
                UNIT,
                List.of(new KeyInjectionRecord(
                        "SE-0042",
                        "DEVICE_IDENTITY",
                        "KEY-1",
                        "cd".repeat(32),
                        "CN=" + UNIT.value(),
                        "CN=LineTrace Plant CA",
                        Instant.parse("2036-11-25T00:00:00Z"),
                        "VERIFIED",
                        null,
                        null,
                        "keystation",
                        Instant.parse("2026-11-25T08:25:00Z"))));
        view = new UnitView(records, records, records);
        UI.getCurrent().add(view);
    }

    private static HistoryEntry entry(String type, String summary, String at) {
        return new HistoryEntry(
                UUID.randomUUID(), type, Instant.parse(at), "L1", "ASM-1", UNIT.value(), "op1", summary);
    }

    @Test
    void showsTheUnitsHistoryOldestFirst() {
        test(view.serialField).setValue(UNIT.value());
        view.show(view.serialField.getValue());

        var grid = test(view.events);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 1)).isEqualTo("UnitsArrived");
        assertThat(grid.getCellText(1, 3)).isEqualTo("PASS at op 10 Frame and arms");
        assertThat(view.messageText()).isEqualTo(UNIT.value() + ": 2 events, 1 flash, 1 key injection.");
    }

    @Test
    void showsTheUnitsFirmwareAndIdentityKey() {
        view.show(UNIT.value());

        var firmware = test(view.firmware);
        assertThat(firmware.getCellText(0, 0)).isEqualTo("FLIGHT_CONTROLLER");
        assertThat(firmware.getCellText(0, 1)).isEqualTo("4.2.0");
        assertThat(firmware.getCellText(0, 2)).isEqualTo(HASH);
        assertThat(firmware.getCellText(0, 3)).isEqualTo("same");
        assertThat(firmware.getCellText(0, 5)).isEqualTo("VERIFIED");
        var keys = test(view.keys);
        assertThat(keys.getCellText(0, 2)).isEqualTo("cd".repeat(32));
        assertThat(keys.getCellText(0, 3)).isEqualTo("CN=" + UNIT.value());
        assertThat(keys.getCellText(0, 4)).isEqualTo("CN=LineTrace Plant CA");
    }

    @Test
    void saysWhatIsWrongWithAMalformedSerialAndAsksNothing() {
        var misread = UNIT.value().substring(0, UNIT.value().length() - 1)
                + (UNIT.value().endsWith("0") ? "1" : "0");

        view.show(misread);

        assertThat(view.messageText()).startsWith("Not a serial: ").contains("check character");
        assertThat(records.asked).isEmpty();
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
