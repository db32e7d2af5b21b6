package com.linetrace.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.deadletter.api.DeadLetter;
import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetterState;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.OutboxRelay;
import com.linetrace.messaging.ServiceSchema;
import com.linetrace.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** What a replay does when Kafka is away, on the real PostgreSQL: it is refused and nothing changes. */
class DeadLetterDeskIT {

    static final DeadLetterSettings SETTINGS = new DeadLetterSettings(true, "CA1", 50, Duration.ofSeconds(3));

    static JdbcClient jdbc;
    static TransactionTemplate transactions;
    static DeadLetterRepository repository;

    @BeforeAll
    static void migrate() throws Exception {
        var servers = RealServers.get();
        var dataSource = new DriverManagerDataSource(servers.jdbcUrl(), servers.username(), servers.password());
        var liquibase = ServiceSchema.liquibase(dataSource, DeadLetterAutoConfiguration.SCHEMA);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        repository = new DeadLetterRepository(jdbc);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    private static DeadLetterDesk desk(String bootstrapServers) {
        var kafka = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                2000)));
        var settings = new MessagingSettings(
                Duration.ofMillis(100),
                200,
                Duration.ofSeconds(3),
                Duration.ofDays(7),
                3,
                (short) 1,
                3,
                Duration.ofMillis(50),
                Duration.ofSeconds(1));
        var relay = new OutboxRelay(DeadLetterAutoConfiguration.SCHEMA, jdbc, transactions, kafka, settings);
        return new DeadLetterDesk(
                repository,
                new Outbox(jdbc, DeadLetterAutoConfiguration.SCHEMA, relay),
                transactions,
                kafka,
                SETTINGS,
                Clock.systemUTC());
    }

    private static DeadLetter aDeadLetter(String key) {
        long offset = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        repository.record(new DeadLetterCopy(
                "linetrace.desk-test.v1.dlt",
                0,
                offset,
                "linetrace.desk-test.v1",
                7L,
                "linetrace-test",
                key,
                List.of(new DeadLetterCopy.OriginalHeader("linetrace-event-type", "UnitsArrived".getBytes())),
                "{}".getBytes(StandardCharsets.UTF_8),
                "database was read-only",
                true,
                Instant.now()));
        return repository.page("linetrace.desk-test.v1", 0, 50).stream()
                .filter(l -> key.equals(l.key()))
                .findFirst()
                .orElseThrow();
    }

    private static long auditActionsOf(String key) {
        return jdbc.sql("select count(*) from deadletter.outbox where convert_from(payload, 'UTF8') like :key")
                .param("key", "%" + key + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aReplayKafkaDoesNotTakeIsRefusedAndChangesNothing() {
        var key = "down-" + UUID.randomUUID();
        var letter = aDeadLetter(key);
        signIn("quality", "QUALITY");

        assertThatThrownBy(() -> desk("127.0.0.1:1").replay(letter.id(), new DeadLetterDecision("fixed")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(DeadLetterProblem.REPLAY_NOT_SENT));

        assertThat(repository.find(letter.id()).orElseThrow().state()).isEqualTo(DeadLetterState.NEW);
        assertThat(auditActionsOf(key)).isZero();
    }

    @Test
    void aDiscardIsCommittedWithItsAuditAction() {
        var key = "discard-" + UUID.randomUUID();
        var letter = aDeadLetter(key);
        signIn("admin", "ADMIN");

        var discarded = desk(RealServers.get().bootstrapServers())
                .discard(letter.id(), new DeadLetterDecision("  bench record  "));

        assertThat(discarded.state()).isEqualTo(DeadLetterState.DISCARDED);
        assertThat(discarded.decidedBy()).isEqualTo("admin");
        assertThat(discarded.decisionReason()).isEqualTo("bench record");
        assertThat(auditActionsOf(key)).isEqualTo(1);
    }

    @Test
    void refusesAnyoneButQualityAndAdmins() {
        var letter = aDeadLetter("engineer-" + UUID.randomUUID());
        signIn("engineer", "ENGINEER");
        var desk = desk(RealServers.get().bootstrapServers());

        assertThatThrownBy(() -> desk.list(null, 0))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> desk.discard(letter.id(), new DeadLetterDecision("mine")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> desk.replay(letter.id(), new DeadLetterDecision("anonymous")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        assertThat(repository.find(letter.id()).orElseThrow().state()).isEqualTo(DeadLetterState.NEW);
    }
}
