package com.linetrace.provisioning.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.Launchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "linetrace.identity.demo-users=true")
class ProvisioningLauncherIT {

    @LocalServerPort
    int port;

    @Test
    void servesHealthReadinessAndMetricsOnItsOwnPort() {
        Launchers.assertServesOperations(
                port, "linetrace-provisioning", ApiClient.at(port).as("admin"));
    }

    @Test
    void measuresItsOutbox() {
        assertThat(ApiClient.at(port)
                        .as("admin")
                        .get("/actuator/prometheus", "text/plain")
                        .body())
                .containsPattern("linetrace_outbox_backlog\\{[^}]*schema=\"provisioning\"")
                .containsPattern("linetrace_outbox_set_aside\\{[^}]*schema=\"provisioning\"");
    }

    @Test
    void documentsTheApiInterfacesMappings() {
        assertThat(ApiClient.at(port).as("admin").get("/v3/api-docs").body())
                .contains(
                        "/api/firmware-releases/{id}/affected-serials",
                        "/api/units/{serial}/flashes",
                        "/api/units/{serial}/key-injections",
                        "/api/equipment/flash-results");
    }
}
