package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.Launchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "linetrace.identity.demo-equipment=KEY-1"})
class IdentityLauncherIT {

    @LocalServerPort
    int port;

    @Test
    void servesHealthReadinessAndMetricsOnItsOwnPort() {
        var signIn = ApiClient.at(port).post("/api/tokens", "{\"username\":\"admin\",\"password\":\"admin\"}");
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);

        Launchers.assertServesOperations(
                port,
                "linetrace-identity",
                ApiClient.at(port).bearer(signIn.json().path("accessToken").asString()));
        // Station clients of the process holding the users may still sign in with a password.
        assertThat(ApiClient.at(port)
                        .as("admin")
                        .get("/actuator/prometheus", "text/plain")
                        .status())
                .isEqualTo(200);
    }
}
