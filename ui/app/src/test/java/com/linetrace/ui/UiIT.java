package com.linetrace.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.ui.live.LiveUnitEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

@IntegrationTest
class UiIT {

    @LocalServerPort
    int port;

    @Autowired
    LiveUnitEvents live;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    @Qualifier("linetraceKafkaTemplate")
    KafkaTemplate<String, byte[]> kafka;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginView() throws Exception {
        var dashboard = get("/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    /**
     * The pages may not be framed (clickjacking of a station terminal), run scripts or send forms anywhere but the
     * plant, or tell another site which page linked to it. Vaadin needs inline and eval'd scripts to start its client
     * engine, so the policy cannot be stricter than that.
     */
    @Test
    void servesItsPagesWithAContentSecurityPolicyThatKeepsThemToThePlant() throws Exception {
        var login = get("/login");

        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .as("%s", login.headers().map())
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains(
                                "default-src 'self'",
                                "frame-ancestors 'none'",
                                "form-action 'self'",
                                "object-src" + " 'none'",
                                "base-uri 'self'")
                        .doesNotContain("*", "http:", "https:"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy")).isPresent();
    }

    @Test
    void keepsTheApiRefusalOnErrorInsteadOfRedirectingToLogin() throws Exception {
        assertThat(get("/api/anything").statusCode()).isEqualTo(401);
    }

    @Test
    void servesEChartsFromItsWebjar() throws Exception {
        // Anonymous: the login page needs none, so a redirect is the answer; signed in, the file is served.
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode())
                .isIn(200, 302);
    }

    @Test
    void handsEachUnitEventFromKafkaToSubscribedViews() {
        var received = new CopyOnWriteArrayList<UUID>();
        var subscription = live.subscribe(event -> received.add(event.eventId()));
        var container = listeners.getListenerContainer("linetrace-ui-live");
        assertThat(container).isNotNull();
        // The UI starts at the newest record: wait until it has its partitions before sending.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty());

        var event = new EventEnvelope<UnitEvent>(
                UUID.randomUUID(),
                1,
                Instant.now(),
                "PLANT",
                "L1",
                "ASM-1",
                Serial.issue("LTRC", 7, 9),
                "op1",
                new UnitHeld("test"));
        kafka.send(Topics.UNIT_EVENTS, event.serial().value(), UnitEvent.CODEC.encode(event));

        await().atMost(Duration.ofSeconds(15)).until(() -> received.contains(event.eventId()));
        subscription.remove();
    }
}
