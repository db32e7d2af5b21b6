package com.linetrace.tracking.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.LotQuarantineLifted;
import com.linetrace.contracts.line.LotQuarantined;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TopicProbe;
import com.linetrace.tracking.LineDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A lot's quarantine and its lift reach every line's andon as line events, with who, why and how many units. */
@IntegrationTest
class LotQuarantineEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LineDriver line;
    ApiClient quality;

    @BeforeEach
    void setUp() {
        line = new LineDriver(port, jdbc);
        quality = ApiClient.at(port).as("quality");
    }

    @Test
    void aQuarantineIsOneLineEventForEachLineOfThePlantWithTheUnitsItHeld() {
        var lot = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var contaminated = line.newSerials(1).getFirst();
        line.walk(contaminated, 10, lot);

        var outcome = quality.post(
                "/api/lots/quarantine",
                "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\",\"reason\":\"cracked arm hinges\"}");
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);

        var lines = lines();
        var events = await().atMost(Duration.ofSeconds(20))
                .until(() -> lineEvents(LotQuarantined.class, lot), found -> found.size() >= lines.size());
        assertThat(events).extracting(LineEventEnvelope::line).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo("quality");
            assertThat(event.body()).isEqualTo(new LotQuarantined("ARM-AX4", lot, "cracked arm hinges", 1));
        });
    }

    @Test
    void aLiftNeedsAReasonAndIsThenOneLineEventForEachLine() {
        var lot = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(quality.post(
                                "/api/lots/quarantine",
                                "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\",\"reason\":\"supplier recall\"}")
                        .status())
                .isEqualTo(200);

        var withoutReason =
                quality.post("/api/lots/quarantine-lift", "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\"}");
        assertThat(withoutReason.status()).as(withoutReason.body()).isEqualTo(400);
        assertThat(withoutReason.json().get("type").asString()).isEqualTo("urn:linetrace:problem:hold-refused");
        assertThat(quarantined(lot)).isTrue();

        var lifted = quality.post(
                "/api/lots/quarantine-lift",
                "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\",\"reason\":\"supplier cleared the batch\"}");
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(quarantined(lot)).isFalse();

        var lines = lines();
        var events = await().atMost(Duration.ofSeconds(20))
                .until(() -> lineEvents(LotQuarantineLifted.class, lot), found -> found.size() >= lines.size());
        assertThat(events).extracting(LineEventEnvelope::line).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(events)
                .extracting(LineEventEnvelope::body)
                .containsOnly(new LotQuarantineLifted("ARM-AX4", lot, "supplier cleared the batch"));
    }

    @Test
    void aLiftOfALotThatIsNotQuarantinedIsRefusedAndTellsNoLine() {
        var lot = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var refused = quality.post(
                "/api/lots/quarantine-lift",
                "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + lot + "\",\"reason\":\"never was quarantined\"}");
        assertThat(refused.status()).isEqualTo(400);
        // A quarantine and lift of another lot after it: once they are on the topic, the refused one would be too.
        var marker = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        quality.post(
                "/api/lots/quarantine",
                "{\"partNumber\":\"ARM-AX4\",\"lot\":\"" + marker + "\",\"reason\":\"marker\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !lineEvents(LotQuarantined.class, marker).isEmpty());
        assertThat(lineEvents(LotQuarantineLifted.class, lot)).isEmpty();
    }

    private List<String> lines() {
        var answer = ApiClient.at(port).as("engineer").get("/api/lines");
        var ids = new ArrayList<String>();
        answer.json().forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }

    private boolean quarantined(String lot) {
        return jdbc.sql("select count(*) from tracking.lot_quarantine where lot = :lot")
                        .param("lot", lot)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static List<LineEventEnvelope> lineEvents(Class<? extends LineEvent> type, String lot) {
        return TopicProbe.readAll(RealServers.get().bootstrapServers(), Topics.LINE_EVENTS).stream()
                .map(record -> LineEvent.CODEC.decode(record.value()))
                .filter(event -> type.isInstance(event.body()))
                .filter(event -> switch (event.body()) {
                    case LotQuarantined q -> q.lot().equals(lot);
                    case LotQuarantineLifted l -> l.lot().equals(lot);
                    default -> false;
                })
                .toList();
    }
}
