package com.linetrace.simulator;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo flash fixture and key station at work on units the simulator does not walk, such as one a person walks on
 * the station terminal: when such a unit arrives at {@link DemoLine#FLASH_STATION} the fixture flashes every module
 * with its approved release; at {@link DemoLine#KEY_STATION} the secure element makes a fresh key pair and the station
 * reports it with its CSR and a certificate from the demo CA. The private key stays in this JVM's memory and is
 * forgotten (DD005).
 *
 * <p>It hears arrivals as a station's PC would: the {@code UnitsArrived} events of the unit-events topic, read as the
 * published JSON (no plant class), in a consumer group of its own that starts at the newest record. Each event is
 * attended once; before the work the plant is asked whether the unit is still checked in there, so that a late or
 * replayed event does nothing to a unit that has moved on. A record it cannot read is logged and skipped.
 */
final class EquipmentAttendant {

    static final String TOPIC = "linetrace.unit-events.v1";
    static final String GROUP = "linetrace-demo-equipment";

    private static final Logger log = LoggerFactory.getLogger(EquipmentAttendant.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The characters of a plant serial, so that nothing read from a record can change the path of a request. */
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Z]{1,32}");
    /** Enough event ids to see through any redelivery; older ones are forgotten. */
    private static final int REMEMBERED = 10_000;

    private final DemoEquipment equipment;
    private final SimulatorSettings settings;
    private final Predicate<String> walkedBySimulator;
    private final Set<UUID> attended = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));
    private volatile @Nullable URI base;
    private volatile @Nullable PlantClient station;
    private volatile @Nullable PlantClient fixture;
    private volatile @Nullable PlantClient keyStation;

    EquipmentAttendant(DemoEquipment equipment, SimulatorSettings settings, Predicate<String> walkedBySimulator) {
        this.equipment = equipment;
        this.settings = settings;
        this.walkedBySimulator = walkedBySimulator;
    }

    /** A unit checked in at the flash or the key station, as one {@code UnitsArrived} event said. */
    record Arrival(UUID eventId, String station, String serial) {}

    @EventListener
    void on(ApplicationReadyEvent event) {
        var plant = SimulatorAutoConfiguration.plantBase(
                settings, event.getApplicationContext().getEnvironment());
        base = plant;
        station = new PlantClient(plant, settings.user(), settings.password());
        fixture = new PlantClient(plant, Equipment.FIXTURE, settings.fixtureSecret());
        keyStation = new PlantClient(plant, DemoLine.KEY_STATION, settings.keyStationSecret());
        equipment.get(plant);
        log.info(
                "Demo equipment: the fixture at {} and the key station at {} also serve units walked by hand",
                DemoLine.FLASH_STATION,
                DemoLine.KEY_STATION);
    }

    @EventListener
    void on(ContextClosedEvent event) {
        for (var client : new PlantClient[] {station, fixture, keyStation}) {
            if (client != null) {
                client.close();
            }
        }
        station = null;
        fixture = null;
        keyStation = null;
    }

    @KafkaListener(
            id = GROUP,
            topics = TOPIC,
            groupId = GROUP,
            properties = {
                "auto.offset.reset=latest",
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"
            })
    void on(ConsumerRecord<String, String> record) {
        try {
            arrival(record.value()).filter(this::firstAttendance).ifPresent(this::attend);
        } catch (RuntimeException e) {
            // A demo helper must not stall or dead-letter the plant's topic: the unit is left to the person.
            log.warn(
                    "Demo equipment: skipped unit event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    /**
     * The arrival {@code record} tells of at the flash or key station, of a unit the simulator does not walk; empty
     * for any other event.
     *
     * @throws IllegalArgumentException if the record is not a readable event
     */
    Optional<Arrival> arrival(@Nullable String record) {
        if (record == null || record.isBlank()) {
            throw new IllegalArgumentException("empty record");
        }
        JsonNode event;
        try {
            event = JSON.readTree(record);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!"UnitsArrived".equals(text(event, "type"))) {
            return Optional.empty();
        }
        var at = text(event, "station");
        if (!DemoLine.FLASH_STATION.equals(at) && !DemoLine.KEY_STATION.equals(at)) {
            return Optional.empty();
        }
        var serial = text(event, "serial");
        var eventId = text(event, "eventId");
        if (serial == null || !SERIAL.matcher(serial).matches() || eventId == null) {
            throw new IllegalArgumentException("UnitsArrived without a readable serial or event id");
        }
        if (walkedBySimulator.test(serial)) {
            return Optional.empty();
        }
        return Optional.of(new Arrival(UUID.fromString(eventId), at, serial));
    }

    /** False for an event already attended: Kafka delivers at least once. */
    boolean firstAttendance(Arrival arrival) {
        return attended.add(arrival.eventId());
    }

    private void attend(Arrival arrival) {
        var plant = base;
        var client = station;
        var flasher = fixture;
        var injector = keyStation;
        if (plant == null || client == null || flasher == null || injector == null) {
            log.info(
                    "Demo equipment: {} arrived at {} before the plant was ready", arrival.serial(), arrival.station());
            return;
        }
        var fixtures = equipment.get(plant);
        if (fixtures.isEmpty()) {
            log.warn(
                    "Demo equipment: no demo releases, so {} at {} is not served", arrival.serial(), arrival.station());
            return;
        }
        if (!client.isCheckedIn(arrival.station(), arrival.serial())) {
            log.info("Demo equipment: {} has left {}; nothing to do", arrival.serial(), arrival.station());
            return;
        }
        if (arrival.station().equals(DemoLine.FLASH_STATION)) {
            int verified = 0;
            for (var flash : fixtures.get().flashes(arrival.serial())) {
                var answer = flasher.reportFlash(flash);
                if (answer.accepted()) {
                    verified++;
                } else {
                    log.warn(
                            "Demo equipment: flash of {} on {} rejected: {}",
                            flash.module(),
                            arrival.serial(),
                            answer.message());
                }
            }
            log.info(
                    "Demo equipment: flashed {} at {}: {} of {} modules verified",
                    arrival.serial(),
                    arrival.station(),
                    verified,
                    DemoLine.FIRMWARE_MODULES.size());
        } else {
            var answer = injector.reportKeyInjection(
                    arrival.serial(), arrival.station(), fixtures.get().freshIdentity(arrival.serial()));
            log.info(
                    "Demo equipment: key injection of {} at {} {}: {}",
                    arrival.serial(),
                    arrival.station(),
                    answer.accepted() ? "verified" : "rejected (" + answer.code() + ")",
                    answer.message());
        }
    }

    private static @Nullable String text(JsonNode event, String field) {
        var value = event.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
