package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.testing.ApiClient;
import com.linetrace.ui.live.LiveUnitEvents;
import com.vaadin.flow.shared.Registration;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two instances of every service and of the UI, as two machines would run them: two plants on one PostgreSQL and
 * one Kafka. Each consumer group's instances share its topics' partitions, each event has its effect once, the two
 * outbox relays of each service publish each event once, and when one instance stops the other takes over every
 * partition and nothing is lost; every UI instance hears every unit event. The simulator drives the line through
 * the instance that stops, so it stops mid-run with work in flight.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceInstancesIT {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstancesIT.class);

    /** The UI's live listener of unit events: a consumer group per instance, so both instances run it whole. */
    private static final String UI_LIVE = "linetrace-ui-live";

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaServer kafka;
    /** Walks the line (the simulator runs here) and is stopped mid-run. */
    private static ConfigurableApplicationContext stopping;
    /** Takes over. */
    private static ConfigurableApplicationContext staying;

    /** Servers of its own: the other test classes' plants in this JVM would otherwise join the same groups. */
    @BeforeAll
    static void startTwoInstances() {
        postgres = EmbeddedPostgresServer.throwaway();
        kafka = EmbeddedKafkaServer.throwaway();
        stopping = OwnServers.plant(
                postgres,
                kafka,
                "--linetrace.simulator.enabled=true",
                "--linetrace.simulator.speed=200",
                "--linetrace.simulator.seed=14",
                "--linetrace.simulator.work-order-size=4",
                "--vaadin.launch-browser=false");
        // Both instances trust the same release key and plant CA, as every instance of a real plant does.
        var environment = stopping.getEnvironment();
        staying = OwnServers.plant(
                postgres,
                kafka,
                "--linetrace.simulator.enabled=false",
                "--linetrace.provisioning.trusted-release-keys[0]="
                        + environment.getRequiredProperty("linetrace.provisioning.trusted-release-keys[0]"),
                "--linetrace.provisioning.plant-ca-certificate="
                        + environment.getRequiredProperty("linetrace.provisioning.plant-ca-certificate"),
                "--vaadin.launch-browser=false");
        // The JVM's security context is the one each plant's filters sign callers into ({@link
        // OneSecurityContextPerJvm}); else the first plant's services find no one signed in once the second starts.
        for (var plant : List.of(stopping, staying)) {
            assertThat(plant.getBean(SecurityContextHolderStrategy.class))
                    .isSameAs(SecurityContextHolder.getContextHolderStrategy());
        }
    }

    @AfterAll
    static void stopInstances() {
        for (var plant : new ConfigurableApplicationContext[] {stopping, staying}) {
            if (plant != null) {
                plant.close();
            }
        }
        kafka.close();
        postgres.close();
    }

    @Test
    @Order(1)
    void everyUiInstanceHearsEveryUnitEvent() {
        var heardByStopping = new CopyOnWriteArrayList<UUID>();
        var heardByStaying = new CopyOnWriteArrayList<UUID>();
        var subscriptions = List.of(
                stopping.getBean(LiveUnitEvents.class).subscribe(e -> heardByStopping.add(e.eventId())),
                staying.getBean(LiveUnitEvents.class).subscribe(e -> heardByStaying.add(e.eventId())));
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(assigned(stopping, UI_LIVE)).isEqualTo(partitionsOf(Set.of(Topics.UNIT_EVENTS)));
                assertThat(assigned(staying, UI_LIVE)).isEqualTo(partitionsOf(Set.of(Topics.UNIT_EVENTS)));
            });
            // An event tracking commits through the instance that does not host the listener being checked.
            var serial = releaseUnits(staying, 1).getFirst();
            var scan = checkIn(staying, serial);
            assertThat(scan.json().get("verdict").asString()).as(scan.body()).isEqualTo("ACCEPTED");
            var arrived = JdbcClient.create(dataSource())
                    .sql(
                            "select event_id from tracking.outbox where message_key = :serial and event_type = 'UnitsArrived'")
                    .param("serial", serial)
                    .query(UUID.class)
                    .single();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(heardByStopping).contains(arrived);
                assertThat(heardByStaying).contains(arrived);
            });
            assertThat(heardByStopping).containsOnlyOnce(arrived);
            assertThat(heardByStaying).containsOnlyOnce(arrived);
        } finally {
            subscriptions.forEach(Registration::remove);
        }
    }

    @Test
    @Order(2)
    void theInstancesShareEachGroupsPartitionsAndTheSurvivorTakesOverWithNothingLostOrAppliedTwice() throws Exception {
        var shared = sharedListeners();
        assertThat(shared)
                .contains(
                        "trace-unit-events",
                        "provisioning-unit-events",
                        "provisioning-equipment-results",
                        "tracking-provisioning-events",
                        "linetrace-dead-letters",
                        "audit-ledger");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (var id : shared) {
                var mine = assigned(stopping, id);
                var theirs = assigned(staying, id);
                var all = partitionsOf(subscribedTopics(staying, id));
                assertThat(mine)
                        .as("%s: the stopping instance's partitions", id)
                        .isNotEmpty();
                assertThat(theirs)
                        .as("%s: the staying instance's partitions", id)
                        .isNotEmpty();
                assertThat(mine).as("%s: no partition in both", id).doesNotContainAnyElementsOf(theirs);
                var union = new HashSet<>(mine);
                union.addAll(theirs);
                assertThat(union).as("%s: every partition has an owner", id).isEqualTo(all);
            }
        });

        // The simulator walks units through the stopping instance; the consumers of both apply what it causes.
        var jdbc = JdbcClient.create(dataSource());
        await().atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from trace.unit_event where type = 'WorkCompleted'")
                                .query(Long.class)
                                .single()
                        >= 40);
        long closed = System.nanoTime();
        stopping.close();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (var id : shared) {
                assertThat(assigned(staying, id))
                        .as("%s: the survivor owns every partition", id)
                        .isEqualTo(partitionsOf(subscribedTopics(staying, id)));
            }
        });
        log.info(
                "The survivor owned every partition of {} groups {} ms after the other instance began to stop",
                shared.size(),
                Duration.ofNanos(System.nanoTime() - closed).toMillis());
        // And goes on alone: new work through it is applied too.
        for (var serial : releaseUnits(staying, 3)) {
            assertThat(checkIn(staying, serial).json().get("verdict").asString())
                    .isEqualTo("ACCEPTED");
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            var reconciled = reconcile();
            assertThat(reconciled.lost()).as("%s", reconciled).isZero();
            assertThat(reconciled.doubled()).as("%s", reconciled).isZero();
            assertThat(reconciled.unknown()).as("%s", reconciled).isZero();
            assertThat(jdbc.sql("select count(*) from tracking.outbox where published_at is null")
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        var reconciled = reconcile();
        log.info("Two instances, one stopped mid-run: {}", reconciled);
        assertThat(reconciled.unitEvents()).isGreaterThan(100);
        assertThat(reconciled.provisioningEvents()).isPositive();
        // Each event once on its topic, though two relays published each outbox until one instance stopped.
        for (var topic : List.of(Topics.UNIT_EVENTS, Topics.PROVISIONING_EVENTS)) {
            var ids = com.linetrace.testing.TopicProbe.readAll(kafka.bootstrapServers(), topic).stream()
                    .map(r -> new String(
                            r.headers()
                                    .lastHeader(com.linetrace.messaging.OutboxRelay.ID_HEADER)
                                    .value(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .toList();
            assertThat(new HashSet<>(ids)).as(topic).hasSameSizeAs(ids);
        }
        // The audit ledger, appended to by both instances (one writer at a time): each event of both topics once, in
        // one order without a gap, and intact by its own verification.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (var topic : List.of(Topics.UNIT_EVENTS, Topics.PROVISIONING_EVENTS)) {
                var onTopic = com.linetrace.testing.TopicProbe.readAll(kafka.bootstrapServers(), topic)
                        .size();
                assertThat(jdbc.sql("select count(*) from audit.entry where topic = :topic")
                                .param("topic", topic)
                                .query(Long.class)
                                .single())
                        .as("ledger entries of %s", topic)
                        .isEqualTo(onTopic);
            }
        });
        assertThat(jdbc.sql("select count(*) = coalesce(max(idx) + 1, 0) from audit.entry")
                        .query(Boolean.class)
                        .single())
                .as("entries numbered without a gap")
                .isTrue();
        var verification = ApiClient.at(OwnServers.port(staying))
                .as("quality")
                .post("/api/audit/verification", "{}")
                .json();
        assertThat(verification.get("intact").asBoolean())
                .as("%s", verification)
                .isTrue();
        // A second effect of an event would have failed on a key and been dead-lettered.
        assertThat(jdbc.sql("select count(*) from deadletter.dead_letter")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static Reconciliation reconcile() throws Exception {
        try (var connection =
                DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            return Reconciliation.of(connection);
        }
    }

    /** The listeners both instances run in one consumer group. */
    private static Set<String> sharedListeners() {
        var mine = registry(stopping).getListenerContainerIds();
        var theirs = registry(staying).getListenerContainerIds();
        return mine.stream()
                .filter(theirs::contains)
                // The UI's live listeners (unit events, line events) have a group per instance: each runs them whole.
                .filter(id -> !id.startsWith(UI_LIVE))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static KafkaListenerEndpointRegistry registry(ConfigurableApplicationContext plant) {
        return plant.getBean(KafkaListenerEndpointRegistry.class);
    }

    private static Set<TopicPartition> assigned(ConfigurableApplicationContext plant, String id) {
        var container = container(plant, id);
        var assigned = container.getAssignedPartitions();
        return assigned == null ? Set.of() : new HashSet<>(assigned);
    }

    private static MessageListenerContainer container(ConfigurableApplicationContext plant, String id) {
        var container = registry(plant).getListenerContainer(id);
        assertThat(container).as(id).isNotNull();
        return container;
    }

    /** The topics a listener subscribes to now: its names, or those its pattern matches. */
    private static Set<String> subscribedTopics(ConfigurableApplicationContext plant, String id) throws Exception {
        var properties = container(plant, id).getContainerProperties();
        if (properties.getTopics() != null) {
            return Set.of(properties.getTopics());
        }
        Pattern pattern = properties.getTopicPattern();
        try (var admin = admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> pattern.matcher(name).matches())
                    .collect(Collectors.toSet());
        }
    }

    private static Set<TopicPartition> partitionsOf(Set<String> topics) throws Exception {
        try (var admin = admin()) {
            var partitions = new HashSet<TopicPartition>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((name, description) -> description
                            .partitions()
                            .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            return partitions;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static List<String> releaseUnits(ConfigurableApplicationContext plant, int quantity) {
        var released = ApiClient.at(OwnServers.port(plant))
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":" + quantity + "}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        var serials = new ArrayList<String>();
        released.json().get("serials").forEach(s -> serials.add(s.asString()));
        return serials;
    }

    private static ApiClient.Response checkIn(ConfigurableApplicationContext plant, String serial) {
        var scan = ApiClient.at(OwnServers.port(plant))
                .as("operator")
                .post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}");
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        return scan;
    }
}
