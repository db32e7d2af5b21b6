package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.WorkCompleted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTests {

    private final EventCodec<UnitEvent> codec = UnitEvent.CODEC;

    @Test
    void everyUnitEventTypeHasAStableName() {
        assertThat(UnitEvent.TYPES.values())
                .containsExactlyInAnyOrder(Arrays.stream(UnitEvent.class.getPermittedSubclasses())
                        .map(c -> c.asSubclass(UnitEvent.class))
                        .toArray(Class[]::new));
    }

    @Test
    void roundTripsAnEvent() {
        var event = new EventEnvelope<UnitEvent>(
                EventIds.next(),
                1,
                Instant.parse("2026-11-25T10:15:30Z"),
                "FREMONT",
                "L1",
                "TST-80",
                Serial.issue("LTRC", 42, 9),
                "op1",
                new WorkCompleted(80, "Tethered flight test", WorkCompleted.Result.FAIL, List.of("MTR-CURRENT-HIGH")));
        var json = new String(codec.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"WorkCompleted\"").doesNotContain("com.linetrace");
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void readsAPartInstalledBeforeEventsCarriedReferenceDesignatorsAndRoundTripsOneThatHasIt() {
        var old = """
                {"eventId":"0192f0a0-0000-7000-8000-000000000001","type":"MaterialsInstalled","schemaVersion":1,
                "occurredAt":"2026-11-25T10:15:30Z","plant":"CA1","line":"L1","station":"ASM-2",
                "serial":"%s","actor":"op1","body":{"operation":20,"partNumber":"ESC-40A","lot":null,
                "partSerial":"ESC-0001","quantity":1}}""".formatted(Serial.issue("LTRC", 42, 9).value());

        var decoded = codec.decode(old.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.body()).isEqualTo(new MaterialsInstalled(20, "ESC-40A", null, "ESC-0001", 1));
        var placed = new EventEnvelope<UnitEvent>(
                EventIds.next(),
                1,
                Instant.parse("2026-11-25T10:15:30Z"),
                "CA1",
                "L1",
                "ASM-2",
                Serial.issue("LTRC", 42, 9),
                "op1",
                new MaterialsInstalled(20, "ESC-40A", null, "ESC-0001", 1, "M1"));
        assertThat(codec.decode(codec.encode(placed))).isEqualTo(placed);
    }

    @Test
    void readsAKeyInjectionVerifiedBeforeItCarriedTheCertificateAndRoundTripsOneThatHasIt() {
        var old = """
                {"eventId":"0192f0a0-0000-7000-8000-000000000002","type":"KeyInjectionVerified","schemaVersion":1,
                "occurredAt":"2026-11-25T10:15:30Z","plant":"CA1","line":"L1","station":"KEY-1",
                "serial":"%s","actor":"KEY-1","body":{"fingerprint":"ab12","subject":"CN=x","issuer":"CN=ca",
                "secureElementId":"SE-1","keyPurpose":"device-identity"}}""".formatted(Serial.issue("LTRC", 42, 9).value());

        var decoded = ProvisioningEvent.CODEC.decode(old.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.body())
                .isEqualTo(new KeyInjectionVerified("ab12", "CN=x", "CN=ca", "SE-1", "device-identity"));
        var withCertificate = new EventEnvelope<ProvisioningEvent>(
                EventIds.next(),
                1,
                Instant.parse("2026-11-25T10:15:30Z"),
                "CA1",
                "L1",
                "KEY-1",
                Serial.issue("LTRC", 42, 9),
                "KEY-1",
                new KeyInjectionVerified(
                        "ab12",
                        "CN=x",
                        "CN=ca",
                        "SE-1",
                        "device-identity",
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
        assertThat(ProvisioningEvent.CODEC.decode(ProvisioningEvent.CODEC.encode(withCertificate)))
                .isEqualTo(withCertificate);
    }

    @Test
    void saysWhyARecordCannotBeRead() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("Not JSON");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"Exploded\"}".getBytes()))
                .hasMessageContaining("Unknown event type 'Exploded'");
        assertThatThrownBy(() -> codec.decode("""
                {"eventId":"0193a3a0-0000-7000-8000-000000000000","type":"UnitCompleted","schemaVersion":1,
                 "occurredAt":"2026-11-25T10:15:30Z","plant":"P","line":"L1","serial":"NOPE","actor":"a",
                 "body":{"workOrder":"WO-1"}}""".getBytes())).hasMessageContaining("Invalid serial");
    }

    @Test
    void refusesARecordWhoseTextNoConsumerCouldRecordAndSaysWhichField() {
        assertThatThrownBy(() ->
                        codec.decode("""
                {"eventId":"0193a3a0-0000-7000-8000-000000000000","type":"UnitHeld","schemaVersion":1,
                 "occurredAt":"2026-11-25T10:15:30Z","plant":"P","line":"L1","serial":"%s",
                 "actor":"a","body":{"reason":"dropped \\uD800"}}""".formatted(Serial.issue("LTRC", 1, 9)).getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Body of UnitHeld: reason has half of a character");
        assertThatThrownBy(() ->
                        codec.decode("""
                {"eventId":"0193a3a0-0000-7000-8000-000000000000","type":"UnitCompleted","schemaVersion":1,
                 "occurredAt":"2026-11-25T10:15:30Z","plant":"P\\u0000","line":"L1","serial":"%s",
                 "actor":"a","body":{"workOrder":"WO-1"}}""".formatted(Serial.issue("LTRC", 1, 9)).getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("plant has the control character U+0000");
    }

    @Test
    void refusesARecordLargerThanAnyEventBeforeParsingIt() {
        var huge = new byte[EventCodec.MAX_RECORD_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> codec.decode(huge))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("Record of 262145 bytes");
    }

    @Test
    void eventIdsAreVersion7AndTimeOrdered() {
        var first = EventIds.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void eventIdsMadeInTheSameMillisecondOrEarlierStillSortInTheOrderTheyWereMade() {
        long instant = java.time.Instant.parse("2026-11-25T10:15:30Z").toEpochMilli();
        var now = new java.util.concurrent.atomic.AtomicLong(instant);
        var source = new EventIds(now::get);
        var ids = new java.util.ArrayList<java.util.UUID>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(source.nextId());
        }
        now.set(instant - 5_000);
        ids.add(source.nextId());

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        // 10 000 ids in one millisecond spill over a few milliseconds, never further.
        assertThat((ids.getLast().getMostSignificantBits() >>> 16) - instant).isBetween(0L, 5L);
    }

    @Test
    void aReplayableSourceMakesTheSameIdsFromTheSameClockAndSeedAndOthersFromAnotherSeed() {
        long instant = java.time.Instant.parse("2026-06-01T06:00:00Z").toEpochMilli();
        java.util.function.Function<Long, java.util.List<java.util.UUID>> ids = seed -> {
            var tick = new java.util.concurrent.atomic.AtomicLong(instant);
            var source = EventIds.replayable(() -> tick.getAndAdd(7), seed);
            return java.util.stream.Stream.generate(source::nextId).limit(1_000).toList();
        };

        assertThat(ids.apply(42L)).isEqualTo(ids.apply(42L)).isSorted().doesNotHaveDuplicates();
        assertThat(ids.apply(42L)).doesNotContainAnyElementsOf(ids.apply(43L));
        assertThat(ids.apply(42L).getFirst().getMostSignificantBits() >>> 16).isEqualTo(instant);
    }
}
