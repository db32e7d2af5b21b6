package com.linetrace.trace;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import com.linetrace.contracts.provisioning.KeyInjectionVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.MaterialsInstalled;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.contracts.unit.WorkCompleted;
import com.linetrace.testing.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A unit's life as the topics carry it, built step by step: {@code aUnit().initialized(..).arrived(..)}. */
final class Story {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBdemo\n-----END CERTIFICATE-----\n";

    final Serial serial;
    final List<EventEnvelope<UnitEvent>> unitEvents = new ArrayList<>();
    final List<EventEnvelope<ProvisioningEvent>> provisioningEvents = new ArrayList<>();
    private Instant clock;
    private String station = "ASM-1";

    private Story(Serial serial, Instant start) {
        this.serial = serial;
        this.clock = start;
    }

    static Story aUnit() {
        return aUnitStartingAt(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS));
    }

    static Story aUnitStartingAt(Instant start) {
        return new Story(newSerial(), start);
    }

    static Serial newSerial() {
        return Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
    }

    Story initialized(String workOrder, String model, int routeVersion) {
        return unit(new UnitsInitialized(workOrder, model, routeVersion));
    }

    Story arrived(int operation, String atStation) {
        station = atStation;
        return unit(new UnitsArrived(operation, "Op " + operation, false, "ASSEMBLY"));
    }

    Story installedLot(int operation, String partNumber, String lot, int quantity) {
        return unit(new MaterialsInstalled(operation, partNumber, lot, null, quantity));
    }

    Story installedSerial(int operation, String partNumber, String partSerial, String designator) {
        return unit(new MaterialsInstalled(operation, partNumber, null, partSerial, 1, designator));
    }

    Story passed(int operation, Integer next) {
        unit(new WorkCompleted(operation, "Op " + operation, WorkCompleted.Result.PASS, List.of()));
        return unit(new UnitsDeparted(operation, next, next == null ? null : "ASSEMBLY"));
    }

    Story failed(int operation, String... defects) {
        return unit(new WorkCompleted(operation, "Op " + operation, WorkCompleted.Result.FAIL, List.of(defects)));
    }

    Story completed(String workOrder) {
        return unit(new UnitCompleted(workOrder));
    }

    Story held(String reason) {
        return unit(new UnitHeld(reason));
    }

    Story scrapped(String reason) {
        return unit(new UnitScrapped(reason));
    }

    Story flashed(FirmwareModule module, UUID releaseId, String version, String sha256) {
        return provisioning(
                "FW-1", new FirmwareVerified(releaseId, "AX4-ENT", module, version, Sha256.parse(sha256), "FIX-FW-1"));
    }

    Story revoked(FirmwareModule module, UUID releaseId, String version, String sha256, String reason) {
        return provisioning(
                "FW-1",
                new FirmwareReleaseRevoked(releaseId, "AX4-ENT", module, version, Sha256.parse(sha256), reason));
    }

    Story keyed(String fingerprint) {
        return provisioning(
                "KEY-1",
                new KeyInjectionVerified(
                        fingerprint,
                        "CN=" + serial.value(),
                        "CN=Demo plant CA",
                        "SE-1",
                        "device-identity",
                        CERTIFICATE));
    }

    Story keyRejectedAsDuplicate(String fingerprint) {
        return provisioning(
                "KEY-1",
                new KeyInjectionRejected(
                        KeyInjectionRejected.Code.DUPLICATE_KEY, "Another unit reported the same key", fingerprint));
    }

    Story unit(UnitEvent body) {
        unitEvents.add(new EventEnvelope<>(EventIds.next(), 1, tick(), "CA1", "L1", station, serial, "operator", body));
        return this;
    }

    private Story provisioning(String at, ProvisioningEvent body) {
        provisioningEvents.add(new EventEnvelope<>(EventIds.next(), 1, tick(), "CA1", "L1", at, serial, at, body));
        return this;
    }

    private Instant tick() {
        clock = clock.plusSeconds(7);
        return clock;
    }

    /** The time of the story's latest event so far. */
    Instant now() {
        return clock;
    }

    void sendUnitEvents() {
        unitEvents.forEach(e -> TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(e)));
    }

    void sendProvisioningEvents() {
        provisioningEvents.forEach(
                e -> TopicProbe.send(Topics.PROVISIONING_EVENTS, serial.value(), ProvisioningEvent.CODEC.encode(e)));
    }

    /** Sends only the latest unit event and the latest provisioning event built so far. */
    void sendLatest() {
        var unit = unitEvents.getLast();
        TopicProbe.send(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(unit));
        var provisioning = provisioningEvents.getLast();
        TopicProbe.send(Topics.PROVISIONING_EVENTS, serial.value(), ProvisioningEvent.CODEC.encode(provisioning));
    }

    void send() {
        sendUnitEvents();
        sendProvisioningEvents();
    }

    static String randomSha256() {
        var bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
