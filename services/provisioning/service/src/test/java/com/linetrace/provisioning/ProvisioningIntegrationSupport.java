package com.linetrace.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.SignatureMeaning;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.identity.api.SignatureCredential;
import com.linetrace.provisioning.api.ReleaseDecision;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the provisioning integration tests share (one application context): provisioning trusting the test
 * run's release key and plant CA, API clients, a Kafka producer and readers of the topics.
 */
@IntegrationTest
public abstract class ProvisioningIntegrationSupport {

    @DynamicPropertySource
    static void trustTheTestRunsKeys(DynamicPropertyRegistry registry) {
        registry.add(
                "linetrace.provisioning.trusted-release-keys[0]", () -> TestPki.pem(TestPki.RELEASE_KEY.getPublic()));
        registry.add("linetrace.provisioning.plant-ca-certificate", () -> TestPki.PLANT_CA.certificatePem);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient as(String demoUser) {
        return ApiClient.at(port).as(demoUser);
    }

    /** As the test's flash fixture, registered equipment whose demo secret is its id. */
    protected ApiClient asFixture() {
        return ApiClient.at(port).as("FIX-1", "FIX-1");
    }

    /** As the test's key station, registered equipment whose demo secret is its id. */
    protected ApiClient asKeyStation() {
        return ApiClient.at(port).as("KEY-1", "KEY-1");
    }

    /** Tells provisioning, as tracking would, that a unit of AX4-ENT on L1 is checked in at flash station FW-1. */
    protected Serial atFlashStation(Serial serial) {
        return checkedIn(serial, "AX4-ENT", "FW-1", "FIRMWARE_FLASH");
    }

    /** Tracking's events for a unit of {@code model}, issued on L1 and checked in at {@code station} of {@code kind}. */
    protected Serial checkedIn(Serial serial, String model, String station, String kind) {
        return checkedIn(serial, model, station, "L1", kind);
    }

    /** As above, the unit issued on L1 but its station on {@code stationLine}. */
    protected Serial checkedIn(Serial serial, String model, String station, String stationLine, String kind) {
        sendUnitEvent(serial, "L1", null, new UnitsInitialized("WO-TEST", model, 1));
        sendUnitEvent(serial, stationLine, station, new UnitsArrived(50, "Firmware", false, kind));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                                select count(*) from provisioning.unit_location
                                where serial = :serial and station = :station and model = :model""")
                                .param("serial", serial.value())
                                .param("station", station)
                                .param("model", model)
                                .query(Long.class)
                                .single()
                        == 1);
        return serial;
    }

    /** Tracking's event of a unit leaving its station. */
    protected void departed(Serial serial, String station) {
        sendUnitEvent(serial, "L1", station, new UnitsDeparted(50, 60, "KEY_INJECTION"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from provisioning.unit_location where serial = :serial"
                                        + " and station is null")
                                .param("serial", serial.value())
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private static void sendUnitEvent(Serial serial, String line, @Nullable String station, UnitEvent body) {
        var event = new EventEnvelope<UnitEvent>(
                EventIds.next(), UnitEvent.SCHEMA_VERSION, Instant.now(), "CA1", line, station, serial, "op", body);
        try {
            PRODUCER.send(new ProducerRecord<>(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(event)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The one place provisioning's tests sign: {@code decision} (a JSON object, such as {@code {"reason":"…"}})
     * with quality's electronic signature added, quality's demo password re-entered and the meaning APPROVED.
     */
    protected static String signed(String decision) {
        return signed(decision, "quality");
    }

    /** As {@link #signed(String)}, signed with another demo user's password (their name). */
    protected static String signed(String decision, String demoUser) {
        var body = decision.strip();
        var signature = "\"signature\":{\"password\":\"" + demoUser + "\",\"meaning\":\"APPROVED\"}";
        return body.substring(0, body.length() - 1) + (body.equals("{}") ? "" : ",") + signature + "}";
    }

    /** A decision as the api's record, signed as {@link #signed(String, String)} signs one. */
    protected static ReleaseDecision decision(String reason, String demoUser) {
        return new ReleaseDecision(reason, new SignatureCredential(demoUser, SignatureMeaning.APPROVED));
    }

    /** Registers a release as an engineer and approves it as quality; returns its id. */
    protected UUID approved(Builders.ReleaseBuilder release) {
        var registered = as("engineer").post("/api/firmware-releases", release.json());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var id = registered.json().get("id").asString();
        var approved = as("quality")
                .post("/api/firmware-releases/" + id + "/approval", signed("{\"reason\":\"Passed release tests\"}"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return UUID.fromString(id);
    }

    protected static void send(EventEnvelope<EquipmentResult> event) {
        send(event.serial().value(), EquipmentResult.CODEC.encode(event));
    }

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    /** Sends a record to the equipment-results topic the way station equipment would. */
    protected static void send(String key, byte[] value) {
        try {
            PRODUCER.send(new ProducerRecord<>(Topics.EQUIPMENT_RESULTS, key, value))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for provisioning events of a serial on the provisioning topic until {@code enough} holds. */
    protected static List<EventEnvelope<ProvisioningEvent>> eventsOf(
            Serial serial, Predicate<List<EventEnvelope<ProvisioningEvent>>> enough) {
        var found = new ArrayList<EventEnvelope<ProvisioningEvent>>();
        readUntil(Topics.PROVISIONING_EVENTS, records -> {
            found.clear();
            records.stream()
                    .filter(r -> serial.value().equals(r.key()))
                    .map(r -> ProvisioningEvent.CODEC.decode(r.value()))
                    .forEach(found::add);
            return enough.test(found);
        });
        return found;
    }

    protected static EventEnvelope<ProvisioningEvent> onlyEventOf(Serial serial) {
        return eventsOf(serial, events -> !events.isEmpty()).getFirst();
    }

    /** Reads a whole topic from the beginning until {@code done} holds for what was read; returns it. */
    protected static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.get().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(topic).size() > 0);
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return done.test(records);
                    });
        }
        return records;
    }
}
