package com.linetrace.audit.launcher;

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
class AuditLauncherIT {

    @LocalServerPort
    int port;

    /**
     * Apart from identity: it verifies tokens with identity's public key, here the test JVM's. Its checkpoints are signed
     * with a throw-away key, as in the demo.
     */
    @DynamicPropertySource
    static void identityPublicKey(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("linetrace.audit.throw-away-key", () -> "true");
    }

    @Test
    void servesHealthReadinessAndMetricsOnItsOwnPort() {
        Launchers.assertServesOperations(
                port, "linetrace-audit", ApiClient.at(port).bearer(TestTokens.of("admin", Roles.ADMIN)));
    }

    @Test
    void servesItsPublicKeyToAnyoneAndItsCheckpointsToThePlantsRoles() {
        var key = ApiClient.at(port).get("/api/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().get("verifierKey").asString()).startsWith("linetrace/CA1/audit+");
        var latest =
                ApiClient.at(port).bearer(TestTokens.of("op", Roles.OPERATOR)).get("/api/audit/checkpoints/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().get("note").asString()).startsWith("linetrace/CA1/audit\n");
    }
}
