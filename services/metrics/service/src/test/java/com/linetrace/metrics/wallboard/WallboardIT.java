package com.linetrace.metrics.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A wallboard issued by an admin, opened by a TV with its token alone, and refused the moment it is revoked. */
@IntegrationTest
class WallboardIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void opensTheLineWithTheTokenAnAdminIssuedAndRefusesItOnceRevoked() throws Exception {
        var line = "W" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        var unit = Serial.issue("TEST", ThreadLocalRandom.current().nextLong(1, 1_000_000_000L), 9);
        TopicProbe.send(
                Topics.UNIT_EVENTS,
                unit.value(),
                UnitEvent.CODEC.encode(new EventEnvelope<UnitEvent>(
                        EventIds.next(),
                        1,
                        Instant.now(),
                        "CA1",
                        line,
                        null,
                        unit,
                        "operator",
                        new UnitsInitialized("WO-1", "AX4-ENT", 1))));

        var admin = ApiClient.at(port).as("admin");
        var body = "{\"line\":\"" + line + "\",\"name\":\"Hall 2, by the pack-out\"}";
        assertThat(ApiClient.at(port)
                        .as("supervisor")
                        .post("/api/metrics/wallboards", body)
                        .status())
                .isEqualTo(403);
        var missing = admin.post("/api/metrics/wallboards", "{\"line\":\"" + line + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:linetrace:problem:invalid-wallboard");
        var issued = admin.post("/api/metrics/wallboards", body);
        assertThat(issued.status()).isEqualTo(200);
        var token = issued.json().get("token").asString();
        var id = issued.json().get("wallboard").get("id").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        // Only the token's hash is kept, and the list shows no token.
        var stored = jdbc.sql("select token_hash from metrics.wallboard where id = cast(:id as uuid)")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(WallboardTokens.hash(token)).doesNotContain(token);
        assertThat(admin.get("/api/metrics/wallboards").body()).contains(id).doesNotContain(token);

        // The TV: its token alone, no person's sign-in. The line shows once metrics has its event.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> board(token).statusCode() == 200);
        assertThat(new tools.jackson.databind.ObjectMapper()
                        .readTree(board(token).body())
                        .get("line")
                        .asString())
                .isEqualTo(line);
        assertThat(board("not-a-token").statusCode()).isEqualTo(401);
        assertThat(board(null).statusCode()).isEqualTo(401);

        // Revoked: refused at once, on the very next request.
        assertThat(ApiClient.at(port)
                        .as("manager")
                        .post("/api/metrics/wallboards/" + id + "/revocation", "")
                        .status())
                .isEqualTo(403);
        var revoked = admin.post("/api/metrics/wallboards/" + id + "/revocation", "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("admin");
        var refused = board(token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body())
                .contains("urn:linetrace:problem:wallboard-token-refused")
                .doesNotContain(line);
        assertThat(admin.post("/api/metrics/wallboards/" + java.util.UUID.randomUUID() + "/revocation", "")
                        .status())
                .isEqualTo(404);
    }

    private HttpResponse<String> board(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/metrics/wallboard"));
        if (token != null) {
            request.header("X-Wallboard-Token", token);
        }
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
