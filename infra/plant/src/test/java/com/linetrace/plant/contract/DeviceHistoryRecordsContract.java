package com.linetrace.plant.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.testing.TopicProbe;
import com.linetrace.trace.api.DeviceHistoryRecord;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.trace.api.UnknownSerialException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link DeviceHistoryRecords} promises, whichever binding answers: a unit's record as a PDF and as the JSON
 * document, byte for byte as trace made it; an unknown serial refused as unknown; no record for an operator or for
 * equipment.
 */
abstract class DeviceHistoryRecordsContract {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** The binding under test. */
    abstract DeviceHistoryRecords records();

    /** The same binding's {@link UnitTrace}, to wait until trace has read the unit. */
    abstract UnitTrace trace();

    @BeforeEach
    void signIn() {
        TestTokens.signIn("quality", Roles.QUALITY);
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void givesAUnitsRecordAsPdfAndAsJson() throws Exception {
        var serial = newSerial();
        var lot = "L-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        recorded(serial, lot);

        var pdf = records().pdf(serial);
        var json = records().json(serial);

        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        var pdfBytes = Objects.requireNonNull(pdf.getBody()).getContentAsByteArray();
        var text = new PdfTextExtractor(new PdfReader(pdfBytes)).getTextFromPage(1);
        assertThat(text).contains(serial.value(), lot, "AX4-ENT");
        var document = JsonMapper.builder()
                .build()
                .readValue(Objects.requireNonNull(json.getBody()).getContentAsByteArray(), DeviceHistoryRecord.class);
        assertThat(document.schema()).isEqualTo(DeviceHistoryRecord.SCHEMA);
        assertThat(document.generatedBy()).isEqualTo("quality");
        assertThat(document.unit().serial()).isEqualTo(serial.value());
        assertThat(document.parts().getFirst().parts().getFirst().lot()).isEqualTo(lot);
    }

    @Test
    void refusesASerialItNeverHeardOfAsUnknown() {
        var serial = newSerial();

        assertThatThrownBy(() -> records().json(serial))
                .isInstanceOf(UnknownSerialException.class)
                .hasMessage("No unit with serial " + serial.value() + " is known to trace");
    }

    @Test
    void refusesAnOperatorAndEquipment() {
        var serial = newSerial();
        TestTokens.signIn("op1", Roles.OPERATOR);
        assertThatThrownBy(() -> records().pdf(serial)).isInstanceOf(AccessDeniedException.class);
        TestTokens.signIn("fixture-1", Roles.EQUIPMENT);
        assertThatThrownBy(() -> records().json(serial)).isInstanceOf(AccessDeniedException.class);
    }

    /** Publishes a unit's first events as tracking would, and waits until this binding's trace has its part. */
    private void recorded(Serial serial, String lot) {
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        send(event(serial, at, new UnitsInitialized("WO-000777", "AX4-ENT", 1)));
        send(event(serial, at.plusSeconds(1), new UnitsArrived(10, "Frame and arms", false, "ASSEMBLY")));
        send(event(serial, at.plusSeconds(2), new MaterialsInstalled(10, "ARM-AX4", lot, null, 4)));
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .ignoreException(UnknownSerialException.class)
                .until(() -> !trace().genealogy(serial).operations().isEmpty());
    }

    private static void send(EventEnvelope<UnitEvent> event) {
        TopicProbe.send(Topics.UNIT_EVENTS, event.serial().value(), UnitEvent.CODEC.encode(event));
    }

    private static EventEnvelope<UnitEvent> event(Serial serial, Instant at, UnitEvent body) {
        return new EventEnvelope<>(EventIds.next(), 1, at, "CA1", "L1", "ASM-1", serial, "op1", body);
    }

    private static Serial newSerial() {
        return Serial.issue("CNTR", SEQUENCE.incrementAndGet(), 9);
    }
}
