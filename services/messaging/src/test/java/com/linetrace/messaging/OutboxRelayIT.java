package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox's guarantee on real PostgreSQL and Kafka: an event leaves if and only if its change committed. */
class OutboxRelayIT {

    static final String SCHEMA = "outbox_test";
    static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    static final MessagingSettings SETTINGS = new MessagingSettings(
            Duration.ofMillis(100),
            200,
            Duration.ofSeconds(3),
            Duration.ofDays(7),
            3,
            (short) 1,
            3,
            Duration.ofMillis(50),
            Duration.ofSeconds(1));

    static DriverManagerDataSource dataSource;
    static JdbcClient jdbc;
    static TransactionTemplate transactions;

    @BeforeAll
    static void migrate() throws Exception {
        var servers = RealServers.get();
        dataSource = new DriverManagerDataSource(servers.jdbcUrl(), servers.username(), servers.password());
        var liquibase = ServiceSchema.liquibase(dataSource, SCHEMA);
        liquibase.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void refusesAnAppendOutsideATransaction() {
        var outbox = new Outbox(jdbc, SCHEMA, relay(kafka(RealServers.get().bootstrapServers())));
        assertThatThrownBy(() -> outbox.append("linetrace.test.v1", UnitEvent.CODEC, event(newSerial())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void publishesCommittedEventsInOrderAndMarksThemPublished() {
        var topic = "linetrace.test-" + UUID.randomUUID() + ".v1";
        var relay = relay(kafka(RealServers.get().bootstrapServers()));
        var outbox = new Outbox(jdbc, SCHEMA, relay);
        var serial = newSerial();
        var events = java.util.List.of(event(serial), event(serial), event(serial));
        transactions.executeWithoutResult(status -> events.forEach(e -> outbox.append(topic, UnitEvent.CODEC, e)));

        while (relay.relayBatch() > 0) {}

        assertThat(unpublished(serial)).isZero();
        var seen = new java.util.concurrent.atomic.AtomicInteger();
        var records = TopicProbe.read(topic, Duration.ofSeconds(20), r -> seen.incrementAndGet() == events.size());
        assertThat(records)
                .extracting(r -> UnitEvent.CODEC.decode(r.value()).eventId())
                .containsExactly(events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(serial.value());
            assertThat(new String(
                            r.headers().lastHeader(OutboxRelay.TYPE_HEADER).value()))
                    .isEqualTo("UnitsArrived");
        });
    }

    @Test
    void keepsEventsWhileKafkaIsUnreachableAndSendsThemLater() {
        var topic = "linetrace.test-" + UUID.randomUUID() + ".v1";
        var unreachable = relay(kafka("127.0.0.1:1"));
        var outbox = new Outbox(jdbc, SCHEMA, unreachable);
        var serial = newSerial();
        transactions.executeWithoutResult(status -> outbox.append(topic, UnitEvent.CODEC, event(serial)));

        assertThatThrownBy(unreachable::relayBatch).isInstanceOf(RuntimeException.class);
        assertThat(unpublished(serial)).isEqualTo(1);

        var relay = relay(kafka(RealServers.get().bootstrapServers()));
        while (relay.relayBatch() > 0) {}
        assertThat(unpublished(serial)).isZero();
        assertThat(TopicProbe.read(topic, Duration.ofSeconds(20), r -> true)).hasSize(1);
    }

    @Test
    void setsAsideARowKafkaWillNeverAcceptAndPublishesTheRowsBehindIt() {
        var topic = "linetrace.test-" + UUID.randomUUID() + ".v1";
        // A producer that accepts at most 1 KB per request: an event with a 1.5 KB reason can never be sent by it.
        var relay = relay(kafka(RealServers.get().bootstrapServers(), 1024));
        var outbox = new Outbox(jdbc, SCHEMA, relay);
        var blocked = newSerial();
        var behind = newSerial();
        var tooLarge = new EventEnvelope<UnitEvent>(
                EventIds.next(), 1, Instant.now(), "CA1", "L1", null, blocked, "test", new UnitHeld("x".repeat(1500)));
        var next = event(behind);
        transactions.executeWithoutResult(status -> {
            outbox.append(topic, UnitEvent.CODEC, tooLarge);
            outbox.append(topic, UnitEvent.CODEC, next);
        });

        while (relay.relayBatch() > 0) {}

        assertThat(unpublished(behind)).isZero();
        assertThat(TopicProbe.read(topic, Duration.ofSeconds(20), r -> true))
                .extracting(r -> UnitEvent.CODEC.decode(r.value()).eventId())
                .containsExactly(next.eventId());
        var setAside = jdbc.sql("select set_aside_reason from outbox_test.outbox where event_id = :id"
                        + " and published_at is null and set_aside_at is not null")
                .param("id", tooLarge.eventId())
                .query(String.class)
                .list();
        assertThat(setAside)
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("RecordTooLargeException");
        assertThat(relay.backlog()).isZero();
        assertThat(relay.setAside()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aServiceDeclaredByItsSchemaGetsWhatItAskedForAndItsRelayRunsWithIt() {
        var topic = "linetrace.test-" + UUID.randomUUID() + ".v1";
        var factory = new ServiceMessagingFactory(
                dataSource,
                jdbc,
                transactions,
                kafka(RealServers.get().bootstrapServers()),
                SETTINGS,
                new org.springframework.core.io.DefaultResourceLoader());
        var messaging = factory.schema(SCHEMA).withOutbox().declaring(topic).build();
        assertThat(messaging.relay()).isPresent();
        assertThat(messaging.topics()).containsExactly(topic);
        assertThatThrownBy(messaging::inbox).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> factory.schema(SCHEMA).build().outbox()).isInstanceOf(IllegalStateException.class);

        messaging.start();
        try {
            var serial = newSerial();
            transactions.executeWithoutResult(
                    status -> messaging.outbox().append(topic, UnitEvent.CODEC, event(serial)));
            assertThat(TopicProbe.read(topic, Duration.ofSeconds(20), r -> true))
                    .hasSize(1);
            assertThat(messaging.isRunning()).isTrue();
        } finally {
            messaging.stop();
        }
        assertThat(messaging.isRunning()).isFalse();
    }

    /**
     * A service instance shut down (a rolling restart, a scale-down) while Kafka is acknowledging a batch: the batch
     * is finished and marked, so the instance that takes over does not publish it a second time.
     */
    @Test
    void aRelayStoppedWhileKafkaAcknowledgesABatchMarksItPublishedSoNoOtherRelaySendsItAgain() {
        var topic = "linetrace.test-" + UUID.randomUUID() + ".v1";
        // Kafka acknowledges after 1.5 s, so the stop below comes while the relay waits on the batch.
        var relay = new OutboxRelay(
                SCHEMA, jdbc, transactions, kafka(RealServers.get().bootstrapServers(), 1024 * 1024, 1500), SETTINGS);
        var outbox = new Outbox(jdbc, SCHEMA, relay);
        var serial = newSerial();
        var events = List.of(event(serial), event(serial), event(serial));
        relay.start();
        try {
            transactions.executeWithoutResult(status -> events.forEach(e -> outbox.append(topic, UnitEvent.CODEC, e)));
            // The relay holds its batch's rows in an open transaction while it waits for Kafka.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jdbc.sql("select count(*) from pg_stat_activity where state = 'idle in transaction'"
                                            + " and query like '%for update skip locked%'")
                                    .query(Long.class)
                                    .single()
                            > 0);
        } finally {
            relay.stop();
        }

        assertThat(unpublished(serial))
                .as("rows Kafka has but the outbox would send again")
                .isZero();
        var seen = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(TopicProbe.read(topic, Duration.ofSeconds(20), r -> seen.incrementAndGet() == events.size()))
                .hasSize(events.size());
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        var outbox = new Outbox(jdbc, SCHEMA, relay(kafka(RealServers.get().bootstrapServers())));
        var serial = newSerial();
        transactions.executeWithoutResult(status -> {
            outbox.append("linetrace.test.v1", UnitEvent.CODEC, event(serial));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from outbox_test.outbox where message_key = :key")
                        .param("key", serial.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void twoRelaysOnOneOutboxPublishEachEventOnceAndEachKeysEventsInOrderWhileWritersCommit() throws Exception {
        var topic = "linetrace.test-" + UUID.randomUUID() + ".v1";
        var servers = RealServers.get().bootstrapServers();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        // Small batches, so that the two relays take turns many times while the writers are still committing.
        var settings = new MessagingSettings(
                Duration.ofMillis(10),
                7,
                Duration.ofSeconds(10),
                Duration.ofDays(7),
                3,
                (short) 1,
                3,
                Duration.ofMillis(50),
                Duration.ofSeconds(1));
        var relays = List.of(
                new OutboxRelay(SCHEMA, jdbc, transactions, kafka(servers), settings),
                new OutboxRelay(SCHEMA, jdbc, transactions, kafka(servers), settings));
        // Per key, what was committed, in commit order: each writer owns its keys, as a service locks its unit.
        var committed = new ConcurrentHashMap<String, List<UUID>>();
        int writers = 6;
        int transactionsPerWriter = 40;
        var pool = Executors.newFixedThreadPool(writers + relays.size());
        var writing = new CountDownLatch(writers);
        var published = new ArrayList<Future<Integer>>();
        try {
            for (int w = 0; w < writers; w++) {
                var outbox = new Outbox(jdbc, SCHEMA, relays.get(w % relays.size()));
                var keys = IntStream.range(0, 5).mapToObj(k -> newSerial()).toList();
                pool.submit(() -> {
                    try {
                        for (int t = 0; t < transactionsPerWriter; t++) {
                            var serial = keys.get(t % keys.size());
                            var events = IntStream.rangeClosed(0, t % 3)
                                    .mapToObj(n -> event(serial))
                                    .toList();
                            transactions.executeWithoutResult(
                                    status -> events.forEach(e -> outbox.append(topic, UnitEvent.CODEC, e)));
                            committed
                                    .computeIfAbsent(serial.value(), k -> new ArrayList<>())
                                    .addAll(events.stream()
                                            .map(EventEnvelope::eventId)
                                            .toList());
                        }
                    } finally {
                        writing.countDown();
                    }
                });
            }
            for (var relay : relays) {
                published.add(pool.submit(() -> {
                    int sent = 0;
                    while (writing.getCount() > 0 || relay.backlog() > 0) {
                        sent += relay.relayBatch();
                    }
                    return sent;
                }));
            }
            var sentByRelay = new ArrayList<Integer>();
            for (var relayed : published) {
                sentByRelay.add(relayed.get(120, TimeUnit.SECONDS));
            }
            int expected = committed.values().stream().mapToInt(List::size).sum();
            assertThat(sentByRelay)
                    .as("both relays published part of the outbox, so they did race for it")
                    .allSatisfy(sent -> assertThat(sent).isPositive());

            var records = TopicProbe.readAll(servers, topic);
            assertThat(records).hasSize(expected);
            var onTheTopic = new HashMap<String, List<UUID>>();
            for (var record : records) {
                onTheTopic
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(UnitEvent.CODEC.decode(record.value()).eventId());
            }
            assertThat(onTheTopic).isEqualTo(committed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theInboxAcceptsAnEventIdOnce() {
        var inbox = new Inbox(jdbc, SCHEMA);
        var id = EventIds.next();
        assertThat((boolean) transactions.execute(s -> inbox.firstDelivery("test", id)))
                .isTrue();
        assertThat((boolean) transactions.execute(s -> inbox.firstDelivery("test", id)))
                .isFalse();
        assertThat((boolean) transactions.execute(s -> inbox.firstDelivery("other-consumer", id)))
                .isTrue();
    }

    private static long unpublished(Serial serial) {
        return jdbc.sql("select count(*) from outbox_test.outbox where message_key = :key and published_at is null")
                .param("key", serial.value())
                .query(Long.class)
                .single();
    }

    private static OutboxRelay relay(KafkaTemplate<String, byte[]> kafka) {
        return new OutboxRelay(SCHEMA, jdbc, transactions, kafka, SETTINGS);
    }

    private static KafkaTemplate<String, byte[]> kafka(String bootstrapServers) {
        return kafka(bootstrapServers, 1024 * 1024);
    }

    private static KafkaTemplate<String, byte[]> kafka(String bootstrapServers, int maxRequestSize) {
        return kafka(bootstrapServers, maxRequestSize, 0);
    }

    private static KafkaTemplate<String, byte[]> kafka(String bootstrapServers, int maxRequestSize, int lingerMs) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMs,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                maxRequestSize,
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                2000 + lingerMs)));
    }

    private static Serial newSerial() {
        return Serial.issue("TEST", SEQUENCE.incrementAndGet(), 9);
    }

    private static EventEnvelope<UnitEvent> event(Serial serial) {
        return new EventEnvelope<>(
                EventIds.next(),
                1,
                Instant.now(),
                "CA1",
                "L1",
                "FW-1",
                serial,
                "test",
                new UnitsArrived(50, "Firmware", false, "FIRMWARE_FLASH"));
    }
}
