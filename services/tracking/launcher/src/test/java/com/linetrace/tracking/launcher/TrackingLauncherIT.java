package com.linetrace.tracking.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.Launchers;
import com.linetrace.testing.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@IntegrationTest
class TrackingLauncherIT {

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
                port, "linetrace-tracking", ApiClient.at(port).bearer(TestTokens.of("admin", Roles.ADMIN)));
    }

    @Test
    void takesAValidTokenAndRefusesOneExpiredForAnotherIssuerOrAudienceOrSignedByAnotherKey() {
        var api = ApiClient.at(port);
        var valid = TestTokens.token("operator", Roles.OPERATOR);
        assertThat(api.bearer(valid.sign()).get("/api/stations").status()).isEqualTo(200);

        for (var refused : new TestTokens.Token[] {
            valid.expiresAt(Instant.now().minusSeconds(120)),
            valid.issuer("urn:linetrace:another-plant"),
            valid.audience("urn:linetrace:another-api"),
            valid.signedWith(TestTokens.newKeyPair())
        }) {
            var answer = api.bearer(refused.sign()).get("/api/stations");
            assertThat(answer.status()).as(refused.toString()).isEqualTo(401);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-token");
        }
        var garbage = api.bearer("not-a-token").get("/api/stations");
        assertThat(garbage.status()).isEqualTo(401);
    }
}
