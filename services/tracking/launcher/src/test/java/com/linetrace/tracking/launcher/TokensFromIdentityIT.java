package com.linetrace.tracking.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.RealServers;
import com.linetrace.testing.TestTokens;
import com.linetrace.tracking.TrackingAutoConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tracking's launcher apart from identity, as a plant's IT team runs it: it holds no users and reads no identity
 * table, and takes the tokens an identity process signs, verified with the public key that identity serves. The
 * identity process runs in the same JVM on its own port, with nothing of tracking in it.
 */
@IntegrationTest
// No other test class has this context's key: close it while the servers still run, not at the JVM's exit.
@DirtiesContext
class TokensFromIdentityIT {

    /**
     * An identity process: what IdentityLauncher runs (tracking, on this class path too, is left out). Not a
     * {@code @Configuration}, which the test would take for its own.
     */
    @EnableAutoConfiguration(exclude = TrackingAutoConfiguration.class)
    static class IdentityProcess {}

    private static ConfigurableApplicationContext identity;
    private static Path identityPublicKey;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext tracking;

    /** Starts identity first: the launcher needs its public key to start (as an operator copies it over). */
    @DynamicPropertySource
    static void identityPublicKey(DynamicPropertyRegistry registry) {
        registry.add(
                "linetrace.security.token.public-key", () -> startIdentity().toString());
    }

    private static synchronized Path startIdentity() {
        if (identity == null) {
            var args = new ArrayList<String>();
            RealServers.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
            args.add("--server.port=0");
            args.add("--spring.application.name=linetrace-identity");
            args.add("--linetrace.identity.demo-users=true");
            args.add("--linetrace.identity.enabled=true");
            identity = new SpringApplicationBuilder(IdentityProcess.class).run(args.toArray(String[]::new));
            var pem = identityClient().get("/api/tokens/public-key", "*/*");
            assertThat(pem.status()).as(pem.body()).isEqualTo(200);
            try {
                identityPublicKey = Files.createTempFile("identity-public-key", ".pem");
                Files.writeString(identityPublicKey, pem.body(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return identityPublicKey;
    }

    @AfterAll
    static void stopIdentity() throws IOException {
        if (identity != null) {
            identity.close();
            identity = null;
            Files.deleteIfExists(identityPublicKey);
        }
    }

    private static ApiClient identityClient() {
        return ApiClient.at(
                ((WebServerApplicationContext) identity).getWebServer().getPort());
    }

    private static String tokenFor(String user) {
        var answer =
                identityClient().post("/api/tokens", "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("tokenType").asString()).isEqualTo("Bearer");
        return answer.json().path("accessToken").asString();
    }

    private ApiClient tracking() {
        return ApiClient.at(port);
    }

    @Test
    void aTokenFromIdentityOpensTheTrackingApi() {
        var stations = tracking().bearer(tokenFor("operator")).get("/api/stations");

        assertThat(stations.status()).as(stations.body()).isEqualTo(200);
    }

    @Test
    void theRolesInTheTokenDecideWhatTheCallerMayDo() {
        var asOperator = tracking().bearer(tokenFor("operator")).get("/api/work-orders");
        var asManager = tracking().bearer(tokenFor("manager")).get("/api/work-orders");

        assertThat(asOperator.status()).as(asOperator.body()).isEqualTo(403);
        assertThat(asOperator.json().path("type").asString()).isEqualTo("urn:linetrace:problem:forbidden");
        assertThat(asManager.status()).as(asManager.body()).isEqualTo(200);
    }

    @Test
    void refusesACallWithoutATokenAndAPasswordItCannotCheck() {
        var anonymous = tracking().get("/api/stations");
        var basic = tracking().as("operator").get("/api/stations");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.json().path("type").asString()).isEqualTo("urn:linetrace:problem:unauthenticated");
        // Apart from identity there are no users to check a password against: only tokens.
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void refusesATokenWhoseRolesWereChanged() {
        var parts = tokenFor("operator").split("\\.");
        var claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"roles\":[\"OPERATOR\"]");
        var promoted = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replace("\"roles\":[\"OPERATOR\"]", "\"roles\":[\"ADMIN\"]")
                        .getBytes(StandardCharsets.UTF_8));

        var answer =
                tracking().bearer(parts[0] + "." + promoted + "." + parts[2]).get("/api/work-orders");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-token");
    }

    @Test
    void refusesATokenNotSignedByThisPlantsIdentity() {
        var answer = tracking().bearer(TestTokens.of("admin", "ADMIN")).get("/api/stations");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-token");
    }

    @Test
    void holdsNoUsersOfItsOwn() {
        assertThat(tracking.getBeansOfType(UserDetailsService.class)).isEmpty();
        assertThat(identity.getBeansOfType(UserDetailsService.class)).isNotEmpty();
    }
}
