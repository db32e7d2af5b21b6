package com.linetrace.provisioning.launcher;

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
class ProvisioningLauncherIT {

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
                port, "linetrace-provisioning", ApiClient.at(port).bearer(TestTokens.of("admin", Roles.ADMIN)));
    }

    @Test
    void measuresItsOutbox() {
        assertThat(ApiClient.at(port)
                        .bearer(TestTokens.of("admin", Roles.ADMIN))
                        .get("/actuator/prometheus", "text/plain")
                        .body())
                .containsPattern("linetrace_outbox_backlog\\{[^}]*schema=\"provisioning\"")
                .containsPattern("linetrace_outbox_set_aside\\{[^}]*schema=\"provisioning\"");
    }

    @Test
    void documentsTheApiInterfacesMappings() {
        assertThat(ApiClient.at(port)
                        .bearer(TestTokens.of("admin", Roles.ADMIN))
                        .get("/v3/api-docs")
                        .body())
                .contains(
                        "/api/firmware-releases/{id}/affected-serials",
                        "/api/units/{serial}/flashes",
                        "/api/units/{serial}/key-injections",
                        "/api/equipment/flash-results");
    }
}
