package com.linetrace.ui.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DeadLetterDiscarded;
import com.linetrace.contracts.action.DeadLetterReplayed;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters end to end on real Kafka and PostgreSQL, with the plant's services, API security and provisioning's
 * redaction: a record a consumer could not process is listed with its reason, replayed once the fault is fixed and
 * consumed, another discarded with a reason, and both actions reach the audit topic.
 */
@IntegrationTest
@TestPropertySource(properties = "linetrace.identity.demo-users=true")
// No other test class has this context's fixture: close it while the servers still run, not at the JVM's exit.
@DirtiesContext
class DeadLettersIT {

    static final String TOPIC = "linetrace.dead-letter-test.v1";

    @LocalServerPort
    int port;

    @Autowired
    FlakyConsumer consumer;

    @Autowired
    JdbcClient jdbc;

    /** A consumer of a real topic whose "database" is broken until the test fixes it. */
    static class FlakyConsumer {
        volatile boolean broken = true;
        final List<String> processed = new CopyOnWriteArrayList<>();

        @KafkaListener(
                id = "dead-letter-test",
                topics = TOPIC,
                groupId = "dead-letter-test",
                containerFactory = MessagingAutoConfiguration.LISTENER_FACTORY)
        void on(ConsumerRecord<String, byte[]> record) {
            if (broken) {
                throw new IllegalStateException("The fixture's database is read-only");
            }
            processed.add(record.key() + "=" + new String(record.value(), StandardCharsets.UTF_8));
        }
    }

    @TestConfiguration
    static class Fixture {
        @Bean
        FlakyConsumer flakyConsumer() {
            return new FlakyConsumer();
        }

        @Bean
        KafkaAdmin.NewTopics deadLetterTestTopics(MessagingSettings settings) {
            return MessagingAutoConfiguration.topicWithDeadLetter(TOPIC, settings);
        }
    }

    private ApiClient as(String user) {
        return ApiClient.at(port).as(user);
    }

    private JsonNode awaitDeadLetter(String topic, String key) {
        var found = new ArrayList<JsonNode>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var list = as("quality").get("/api/dead-letters?topic=" + topic);
                    assertThat(list.status()).isEqualTo(200);
                    StreamSupport.stream(list.json().get("letters").spliterator(), false)
                            .filter(letter -> key.equals(letter.path("key").asString(null)))
                            .findFirst()
                            .ifPresent(found::add);
                    return !found.isEmpty();
                });
        return found.getFirst();
    }

    private static String reason(String text) {
        return "{\"reason\":\"" + text + "\"}";
    }

    @Test
    void replaysADeadLetterOnceTheFaultIsFixedAndDiscardsAnotherWithAReason() {
        var first = "replay-" + UUID.randomUUID();
        var second = "discard-" + UUID.randomUUID();
        TopicProbe.send(TOPIC, first, "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(TOPIC, second, "{\"n\":2}".getBytes(StandardCharsets.UTF_8));

        var toReplay = awaitDeadLetter(TOPIC, first);
        var toDiscard = awaitDeadLetter(TOPIC, second);
        assertThat(toReplay.get("reason").asString()).isEqualTo("The fixture's database is read-only");
        assertThat(toReplay.get("state").asString()).isEqualTo("NEW");
        assertThat(toReplay.get("deadLetterTopic").asString()).isEqualTo(TOPIC + ".dlt");
        assertThat(toReplay.get("failedAt").asString()).isNotBlank();
        assertThat(toReplay.get("replayable").asBoolean()).isTrue();
        assertThat(toReplay.get("consumerGroup").asString()).isEqualTo("dead-letter-test");
        assertThat(consumer.processed).isEmpty();

        consumer.broken = false;
        var replayed = as("quality")
                .post("/api/dead-letters/" + toReplay.get("id").asLong() + "/replay", reason("read-only flag cleared"));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("state").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.json().get("decidedBy").asString()).isEqualTo("quality");
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.processed.contains(first + "={\"n\":1}"));

        var discarded = as("admin")
                .post("/api/dead-letters/" + toDiscard.get("id").asLong() + "/discard", reason("bench test record"));
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json().get("state").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.json().get("decisionReason").asString()).isEqualTo("bench test record");
        assertThat(consumer.processed).doesNotContain(second + "={\"n\":2}");

        var audit = new ArrayList<AuditActionEvent>();
        TopicProbe.read(Topics.AUDIT_ACTIONS, Duration.ofSeconds(30), record -> {
            var event = AuditAction.CODEC.decode(record.value());
            if (event.body() instanceof DeadLetterReplayed r
                            && r.key() != null
                            && r.key().equals(first)
                    || event.body() instanceof DeadLetterDiscarded d
                            && d.key() != null
                            && d.key().equals(second)) {
                assertThat(record.key()).isEqualTo(event.actor());
                audit.add(event);
            }
            return audit.size() == 2;
        });
        assertThat(audit).extracting(AuditActionEvent::actor).containsExactlyInAnyOrder("quality", "admin");
        assertThat(audit)
                .extracting(AuditActionEvent::body)
                .containsExactlyInAnyOrder(
                        new DeadLetterReplayed(
                                TOPIC + ".dlt",
                                toReplay.get("partition").asInt(),
                                toReplay.get("offset").asLong(),
                                TOPIC,
                                first,
                                "read-only flag cleared"),
                        new DeadLetterDiscarded(
                                TOPIC + ".dlt",
                                toDiscard.get("partition").asInt(),
                                toDiscard.get("offset").asLong(),
                                TOPIC,
                                second,
                                "bench test record"));
    }

    @Test
    void refusesToSettleADeadLetterTwiceOrOneThatDoesNotExist() {
        var key = "twice-" + UUID.randomUUID();
        TopicProbe.send(TOPIC, key, "{\"n\":3}".getBytes(StandardCharsets.UTF_8));
        var letter = awaitDeadLetter(TOPIC, key);
        var path = "/api/dead-letters/" + letter.get("id").asLong();

        var noReason = as("quality").post(path + "/discard", reason(" "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-request");
        assertThat(as("quality")
                        .post(path + "/discard", reason("duplicate of a resent record"))
                        .status())
                .isEqualTo(200);

        for (var action : List.of("/replay", "/discard")) {
            var again = as("admin").post(path + action, reason("again"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.isProblem()).isTrue();
            assertThat(again.json().get("type").asString()).isEqualTo("urn:linetrace:problem:dead-letter-settled");
            assertThat(again.json().get("detail").asString()).contains("already discarded by quality");
        }
        assertThat(state(letter.get("id").asLong())).isEqualTo("DISCARDED");

        var unknown = as("quality").post("/api/dead-letters/987654321/replay", reason("why not"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:linetrace:problem:dead-letter-not-found");
    }

    @Test
    void refusesEveryoneButQualityAndAdmins() {
        var key = "operator-" + UUID.randomUUID();
        TopicProbe.send(TOPIC, key, "{\"n\":4}".getBytes(StandardCharsets.UTF_8));
        var letter = awaitDeadLetter(TOPIC, key);
        var path = "/api/dead-letters/" + letter.get("id").asLong();

        for (var user : List.of("operator", "supervisor", "engineer", "manager")) {
            var list = as(user).get("/api/dead-letters");
            assertThat(list.status()).as(user).isEqualTo(403);
            assertThat(list.json().get("type").asString()).isEqualTo("urn:linetrace:problem:forbidden");
            assertThat(as(user).post(path + "/replay", reason("let me")).status())
                    .isEqualTo(403);
            assertThat(as(user).post(path + "/discard", reason("let me")).status())
                    .isEqualTo(403);
        }
        assertThat(ApiClient.at(port).get("/api/dead-letters").status()).isEqualTo(401);
        assertThat(state(letter.get("id").asLong())).isEqualTo("NEW");
    }

    @Test
    void listsAPrivateKeyDeadLetterRedactedAndRefusesToReplayIt() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var secret = Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        var pem = "-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----";
        var key = "key-" + UUID.randomUUID();
        TopicProbe.send(
                Topics.EQUIPMENT_RESULTS,
                key,
                ("{\"type\":\"KeyInjectionReported\",\"body\":{\"publicKeyPem\":\"" + pem.replace("\n", "\\n") + "\"}}")
                        .getBytes(StandardCharsets.UTF_8));

        var letter = awaitDeadLetter(Topics.EQUIPMENT_RESULTS, key);
        assertThat(letter.get("reason").asString()).containsIgnoringCase("private key");
        assertThat(letter.get("replayable").asBoolean()).isFalse();
        var list = as("quality").get("/api/dead-letters?topic=" + Topics.EQUIPMENT_RESULTS);
        assertThat(list.body()).doesNotContain(secret.lines().toList().get(1));
        var stored = jdbc.sql("select coalesce(encode(message_value, 'escape'), '') || headers::text"
                        + " from deadletter.dead_letter where id = :id")
                .param("id", letter.get("id").asLong())
                .query(String.class)
                .single();
        assertThat(stored)
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(secret.lines().toList().get(1));

        var replay = as("quality").post("/api/dead-letters/" + letter.get("id").asLong() + "/replay", reason("retry"));
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("type").asString()).isEqualTo("urn:linetrace:problem:dead-letter-not-replayable");
        assertThat(state(letter.get("id").asLong())).isEqualTo("NEW");
    }

    private String state(long id) {
        return jdbc.sql("select state from deadletter.dead_letter where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
