package com.linetrace.bulkload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TestTokens;
import com.linetrace.testing.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@IntegrationTest
class BulkLoadIT {

    static final int UNITS = 300;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void writesALoadThatTracesOwnListenerRecordsInOrderWithNothingDeadLettered() throws Exception {
        var options = LoadGeneratorTests.options(UNITS, 51, 11);
        var console = new ByteArrayOutputStream();
        var result = new BulkLoad(options, RealServers.get().bootstrapServers(), 3)
                .run(new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(result.units()).isEqualTo(UNITS);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("units " + UNITS + "/" + UNITS);
        // Every record on the topics decodes, keyed by its serial, each serial's unit events in a valid order.
        var unitEvents = new HashMap<String, List<UnitEvent>>();
        var ids = new HashMap<String, List<UUID>>();
        for (var record : TopicProbe.readAll(Topics.UNIT_EVENTS)) {
            var event = UnitEvent.CODEC.decode(record.value());
            assertThat(event.serial().value()).isEqualTo(record.key());
            unitEvents.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.body());
            ids.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.eventId());
        }
        var provisioning = TopicProbe.readAll(Topics.PROVISIONING_EVENTS);
        provisioning.forEach(record -> assertThat(
                        ProvisioningEvent.CODEC.decode(record.value()).serial().value())
                .isEqualTo(record.key()));
        assertThat(unitEvents).hasSize(UNITS);
        assertThat(unitEvents.values().stream().mapToLong(List::size).sum()).isEqualTo(result.unitEvents());
        assertThat(provisioning).hasSize((int) result.provisioningEvents());
        unitEvents.forEach((serial, events) ->
                assertThat(UnitOrder.problemWith(events)).as(serial).isNull());

        // Trace's own listeners take every event of both topics, and shows each unit's history in the order it was
        // written.
        await().atMost(Duration.ofSeconds(120))
                .until(() -> count("trace.unit_event") == result.unitEvents()
                        && count("trace.provisioning_record") == result.provisioningEvents());
        assertThat(count("trace.unit")).isEqualTo(UNITS);
        var serial = new LoadPlan(options).serial(UNITS / 2).value();
        var history = ApiClient.at(port)
                .bearer(TestTokens.of("quality1", "QUALITY"))
                .get("/api/units/" + serial + "/history");
        assertThat(history.status()).isEqualTo(200);
        var shown = new ArrayList<UUID>();
        history.json()
                .forEach(
                        entry -> shown.add(UUID.fromString(entry.path("eventId").asString())));
        assertThat(shown).isEqualTo(ids.get(serial));
        assertThat(deadLetters()).isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Records on any dead-letter topic of the two topics the load wrote. */
    private static long deadLetters() throws Exception {
        try (var admin = Admin.create(java.util.Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().bootstrapServers()))) {
            var topics = admin.listTopics().names().get();
            long count = 0;
            for (var topic : List.of(Topics.UNIT_EVENTS, Topics.PROVISIONING_EVENTS)) {
                if (topics.contains(Topics.deadLetter(topic))) {
                    count += TopicProbe.readAll(Topics.deadLetter(topic)).size();
                }
            }
            return count;
        }
    }
}
