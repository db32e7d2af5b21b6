package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Identity's sign-in over HTTP: tokens for people and equipment, renewal while enabled, refusals in one voice. */
@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "linetrace.identity.demo-equipment=KEY-1"})
@ExtendWith(OutputCaptureExtension.class)
class IdentityTokensIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    private ApiClient.Response signIn(String username, String password) {
        return ApiClient.at(port)
                .post("/api/tokens", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static JsonNode claims(String token) {
        var payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return JsonMapper.builder().build().readTree(new String(payload, StandardCharsets.UTF_8));
    }

    private void person(String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password(encoder.encode(name + "-pw"))
                    .roles(role)
                    .build());
        }
    }

    @Test
    void signsAShortLivedTokenWithTheUsersRoles() {
        var answer = signIn("supervisor", "supervisor");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var token = answer.json().path("accessToken").asString();
        var claims = claims(token);
        assertThat(claims.path("sub").asString()).isEqualTo("supervisor");
        assertThat(claims.path("roles").get(0).asString()).isEqualTo(Roles.SUPERVISOR);
        assertThat(claims.path("iss").asString()).isEqualTo("urn:linetrace:identity");
        assertThat(claims.path("aud").toString()).contains("urn:linetrace:api");
        assertThat(claims.path("jti").asString()).isNotBlank();
        var lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertThat(lifetime).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(Instant.parse(answer.json().path("expiresAt").asString()).getEpochSecond())
                .isEqualTo(claims.path("exp").asLong());
        assertThat(ApiClient.at(port)
                        .bearer(token)
                        .get("/api/tokens/public-key", "*/*")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void signsInEquipmentWithItsOwnSecretAndTheEquipmentRoleOnly() {
        var answer = signIn("KEY-1", "KEY-1");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var claims = claims(answer.json().path("accessToken").asString());
        assertThat(claims.path("sub").asString()).isEqualTo("KEY-1");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"EQUIPMENT\"]");
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownNameAlikeAndLogsTheNameNeverThePassword(CapturedOutput output) {
        var wrongPassword = signIn("quality", "Wr0ng-Secret-4711");
        var unknownName = signIn("nobody-here", "Wr0ng-Secret-4712");

        for (var answer : new ApiClient.Response[] {wrongPassword, unknownName}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-credentials");
        }
        assertThat(wrongPassword.json().path("detail"))
                .isEqualTo(unknownName.json().path("detail"));
        assertThat(output.getAll()).contains("Refused a sign-in as 'quality'", "Refused a sign-in as 'nobody-here'");
        assertThat(output.getAll()).doesNotContain("Wr0ng-Secret-4711", "Wr0ng-Secret-4712");
    }

    @Test
    void refusesASignInWithoutANameOrPassword() {
        var answer = ApiClient.at(port).post("/api/tokens", "{\"username\":\"operator\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-sign-in");
    }

    @Test
    void locksANameAfterFiveFailedSignInsInARow() {
        person("lock-test", Roles.OPERATOR);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("lock-test", "guess-" + i).status()).isEqualTo(401);
        }

        var rightPassword = signIn("lock-test", "lock-test-pw");

        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(rightPassword.json().path("type").asString()).isEqualTo("urn:linetrace:problem:too-many-sign-ins");
        assertThat(signIn("operator", "operator").status()).isEqualTo(200);
    }

    @Test
    void renewsTheTokenOfAnEnabledUserAndRefusesItAtOnceOnceTheUserIsDisabled() {
        person("renew-test", Roles.QUALITY);
        var first =
                signIn("renew-test", "renew-test-pw").json().path("accessToken").asString();

        var renewed = ApiClient.at(port).bearer(first).post("/api/tokens/renewal", "");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        var second = renewed.json().path("accessToken").asString();
        assertThat(claims(second).path("jti")).isNotEqualTo(claims(first).path("jti"));
        assertThat(claims(second).path("auth_time")).isEqualTo(claims(first).path("auth_time"));

        users.updateUser(User.withUserDetails(users.loadUserByUsername("renew-test"))
                .disabled(true)
                .build());
        var refused = ApiClient.at(port).bearer(second).post("/api/tokens/renewal", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        // Where identity holds the users, the token itself is refused at once (DD017), not only its renewal.
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-token");
        assertThat(signIn("renew-test", "renew-test-pw").status()).isEqualTo(401);
    }

    @Test
    void renewsOnlyATokenNotAPassword() {
        var withPassword = ApiClient.at(port).as("operator").post("/api/tokens/renewal", "");
        var anonymous = ApiClient.at(port).post("/api/tokens/renewal", "");

        assertThat(withPassword.status()).isEqualTo(401);
        assertThat(withPassword.json().path("type").asString()).isEqualTo("urn:linetrace:problem:token-not-renewable");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("type").asString()).isEqualTo("urn:linetrace:problem:unauthenticated");
    }
}
