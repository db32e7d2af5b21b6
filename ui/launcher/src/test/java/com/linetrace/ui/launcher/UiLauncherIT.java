package com.linetrace.ui.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Serial;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TestTokens;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnknownSerialException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The UI launcher as a plant's IT team starts it: on its own, against trace running apart from its own launcher
 * jar, with only the brokers' address for live updates.
 */
@SpringBootTest(classes = UiLauncher.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealServers.Initializer.class)
class UiLauncherIT {

    @LocalServerPort
    int port;

    @Autowired
    UnitHistory history;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void traceApart(DynamicPropertyRegistry properties) {
        properties.add("linetrace.ui.remote.trace", () -> "http://localhost:" + TraceProcess.port());
        TestTokens.register(properties);
    }

    @AfterAll
    static void stopTrace() {
        TraceProcess.stop();
    }

    @Test
    void servesItsProbesAndTheSignInPageOnItsOwnPort() {
        var anonymous = ApiClient.at(port);
        for (var probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var answer = anonymous.get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().path("status").asString()).as(probe).isEqualTo("UP");
        }
        assertThat(anonymous.get("/login", "text/html").status()).isEqualTo(200);
        assertThat(anonymous.get("/dashboard", "text/html").status()).isEqualTo(302);
        assertThat(anonymous.get("/actuator/env").status()).isIn(401, 403);
    }

    @Test
    void callsTraceOverHttpAtItsConfiguredAddress() {
        assertThat(history.toString()).isEqualTo("UnitHistory over HTTP at http://localhost:" + TraceProcess.port());

        // Nobody signed in: trace itself refuses the call (401), so the request did cross to the other process.
        assertThatThrownBy(() -> history.history(Serial.issue("LTRC", 1, 9)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("The trace service did not accept your sign-in");

        // Signed in, as the UI's sign-in leaves the user: trace verifies the token and answers as its api says.
        var token = TestTokens.of("quality", "QUALITY");
        var jwt = org.springframework.security.oauth2.jwt.Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("quality")
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_QUALITY"), "quality"));
        try {
            assertThatThrownBy(() -> history.history(Serial.issue("LTRC", 2, 9)))
                    .isInstanceOf(UnknownSerialException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void readsUnitEventsForLiveUpdatesWithOnlyTheBrokersAddress() {
        var live = listeners.getListenerContainer("linetrace-ui-live");
        assertThat(live).isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> live.getAssignedPartitions() != null
                        && !live.getAssignedPartitions().isEmpty());
    }
}
