package com.linetrace.deadletter.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.Launchers;
import com.linetrace.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@IntegrationTest
class DeadLetterLauncherIT {

    @LocalServerPort
    int port;

    /** Apart from identity: it verifies tokens with identity's public key, here the test JVM's. */
    @DynamicPropertySource
    static void identityPublicKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void servesHealthReadinessAndMetricsOnItsOwnPort() {
        Launchers.assertServesOperations(
                port, "linetrace-deadletter", ApiClient.at(port).bearer(TestTokens.of("admin", Roles.ADMIN)));
    }

    @Test
    void measuresItsOutbox() {
        assertThat(ApiClient.at(port)
                        .bearer(TestTokens.of("admin", Roles.ADMIN))
                        .get("/actuator/prometheus", "text/plain")
                        .body())
                .containsPattern("linetrace_outbox_backlog\\{[^}]*schema=\"deadletter\"")
                .containsPattern("linetrace_outbox_set_aside\\{[^}]*schema=\"deadletter\"");
    }
}
