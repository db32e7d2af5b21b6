package com.linetrace.deadletter.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetters;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The dead-letter desk's api interface is its HTTP API: a client made from the interface alone lists and settles, the
 * caller taken from the request; an unknown dead letter is 404 with its type, an unexpected failure 500 with nothing
 * internal.
 */
@IntegrationTest
@TestPropertySource(properties = "linetrace.identity.demo-users=true")
class DeadLetterHttpApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private DeadLetters client(String user) {
        var rest = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, user))
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(DeadLetters.class);
    }

    @Test
    void listsAndSettlesThroughTheApiInterface() {
        var deadLetters = client("quality");
        var page = deadLetters.list(null, 0);
        assertThat(page.page()).isZero();
        assertThat(page.pageSize()).isEqualTo(50);
        assertThat(deadLetters.topics()).isNotNull();
        assertThatThrownBy(() -> deadLetters.discard(987_654_321L, new DeadLetterDecision("bench record")))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                    assertThat(e.getResponseBodyAsString()).contains(DeadLetterProblem.DEAD_LETTER_NOT_FOUND.type());
                });
        assertThatThrownBy(() -> client("operator").list(null, 0))
                .isInstanceOf(HttpClientErrorException.Forbidden.class);
    }

    @Test
    void answersAnUnknownDeadLetterWith404AndItsTypeAndAMissingReasonWith400() {
        var quality = ApiClient.at(port).as("quality");
        for (var action : new String[] {"replay", "discard"}) {
            var answer = quality.post("/api/dead-letters/987654321/" + action, "{\"reason\":\"why not\"}");
            assertThat(answer.status()).as(action).isEqualTo(404);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:dead-letter-not-found");
            assertThat(answer.json().path("detail").asString()).isEqualTo("No dead letter 987654321");
        }
        var noReason = quality.post("/api/dead-letters/987654321/discard", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-request");
        // The interface's content type is the server's too: a body that is not JSON is refused, not read.
        assertThat(quality.post("/api/dead-letters/987654321/discard", "text/plain", "why not")
                        .status())
                .isEqualTo(415);
        var unknownPath = quality.get("/api/dead-letters/987654321/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
    }

    @Test
    void answersAnUnexpectedFailureWith500AndAnIncidentIdOnly() {
        jdbc.sql("alter table deadletter.dead_letter rename to dead_letter_away")
                .update();
        try {
            var answer = ApiClient.at(port).as("quality").get("/api/dead-letters");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:internal");
            assertThat(answer.json().path("detail").asString()).containsPattern("quote incident [0-9a-f-]{36}$");
            assertThat(answer.body())
                    .doesNotContainIgnoringCase("dead_letter")
                    .doesNotContainIgnoringCase("sql")
                    .doesNotContain("Exception")
                    .doesNotContain("com.linetrace");
        } finally {
            jdbc.sql("alter table deadletter.dead_letter_away rename to dead_letter")
                    .update();
        }
    }
}
