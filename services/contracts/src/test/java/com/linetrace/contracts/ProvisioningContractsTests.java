package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.contracts.provisioning.FirmwareRejected;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProvisioningContractsTests {

    private static final Sha256 IMAGE = Sha256.parse("A".repeat(64));

    @Test
    void everyEquipmentResultTypeHasAStableName() {
        assertThat(EquipmentResult.TYPES.values())
                .containsExactlyInAnyOrder(Arrays.stream(EquipmentResult.class.getPermittedSubclasses())
                        .map(c -> c.asSubclass(EquipmentResult.class))
                        .toArray(Class[]::new));
    }

    @Test
    void everyProvisioningEventTypeHasAStableName() {
        assertThat(ProvisioningEvent.TYPES.values())
                .containsExactlyInAnyOrder(Arrays.stream(ProvisioningEvent.class.getPermittedSubclasses())
                        .map(c -> c.asSubclass(ProvisioningEvent.class))
                        .toArray(Class[]::new));
    }

    @Test
    void roundTripsAFlashReportWithHashesInLowerCase() {
        var event = envelope(new FlashReported("AX4-ENT", FirmwareModule.ESC, "2.1.0", IMAGE, IMAGE, "FIX-3"));
        var json = new String(EquipmentResult.CODEC.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"FlashReported\"").contains("\"sha256Written\":\"" + "a".repeat(64));
        assertThat(EquipmentResult.CODEC.decode(EquipmentResult.CODEC.encode(event)))
                .isEqualTo(event);
    }

    @Test
    void roundTripsARejectionWithItsCode() {
        var event = envelope(new FirmwareRejected(
                FirmwareModule.GIMBAL, "1.0.0", IMAGE, FirmwareRejected.Code.READ_BACK_MISMATCH, "differs"));
        assertThat(ProvisioningEvent.CODEC.decode(ProvisioningEvent.CODEC.encode(event)))
                .isEqualTo(event);
    }

    @Test
    void refusesADigestThatIsNotSha256Hex() {
        assertThatThrownBy(() -> Sha256.parse("abc")).hasMessageContaining("64 hexadecimal");
        assertThatThrownBy(() -> Sha256.parse("g".repeat(64))).hasMessageContaining("0-9 and a-f");
    }

    private static <E> EventEnvelope<E> envelope(E body) {
        return new EventEnvelope<>(
                EventIds.next(),
                1,
                Instant.parse("2026-11-25T10:15:30Z"),
                "CA1",
                "L1",
                "FW-1",
                Serial.issue("LTRC", 7, 9),
                "fixture",
                body);
    }
}
