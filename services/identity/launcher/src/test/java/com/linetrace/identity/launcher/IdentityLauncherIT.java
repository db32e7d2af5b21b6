package com.linetrace.identity.launcher;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.Launchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "linetrace.identity.demo-users=true")
class IdentityLauncherIT {

    @LocalServerPort
    int port;

    @Test
    void servesHealthReadinessAndMetricsOnItsOwnPort() {
        Launchers.assertServesOperations(
                port, "linetrace-identity", ApiClient.at(port).as("admin"));
    }
}
