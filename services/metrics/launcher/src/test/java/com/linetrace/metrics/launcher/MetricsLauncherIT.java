package com.linetrace.metrics.launcher;

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
class MetricsLauncherIT {

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
                port, "linetrace-metrics", ApiClient.at(port).bearer(TestTokens.of("admin", Roles.ADMIN)));
    }
}
