package com.linetrace.deadletter.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.Launchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "linetrace.identity.demo-users=true")
class DeadLetterLauncherIT {

    @LocalServerPort
    int port;

    @Test
    void servesHealthReadinessAndMetricsOnItsOwnPort() {
        Launchers.assertServesOperations(
                port, "linetrace-deadletter", ApiClient.at(port).as("admin"));
    }

    @Test
    void measuresItsOutbox() {
        assertThat(ApiClient.at(port)
                        .as("admin")
                        .get("/actuator/prometheus", "text/plain")
                        .body())
                .containsPattern("linetrace_outbox_backlog\\{[^}]*schema=\"deadletter\"")
                .containsPattern("linetrace_outbox_set_aside\\{[^}]*schema=\"deadletter\"");
    }
}
