package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.UserAccount;
import com.linetrace.contracts.action.UserChanged;
import com.linetrace.contracts.action.UserCreated;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * An admin manages the plant's people over the API: create, disable and enable, reset a password, change roles, with
 * the password rules; each change is audited with before and after and takes effect at once, also for a credential
 * identity already remembers, on this instance or another.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"linetrace.identity.demo-users=true", "linetrace.messaging.relay-poll-interval=100ms"})
class UserAdministrationIT {

    /** The plant's encoder, counting how often a password hash is checked. */
    @TestConfiguration
    static class CountingEncoder {

        static final AtomicInteger checks = new AtomicInteger();

        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder() {
            var real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return real.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    checks.incrementAndGet();
                    return real.matches(raw, encoded);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.AfterEach
    void forgetFailures() {
        jdbc.sql("delete from identity.sign_in_failure").update();
    }

    private ApiClient admin() {
        return ApiClient.at(port).as("admin");
    }

    private ApiClient.Response create(String username, String password, String... roles) {
        var list = String.join("\",\"", roles);
        return admin().post(
                        "/api/users",
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + list
                                + "\"]}");
    }

    /** A call any signed-in person may make, with HTTP Basic as a station client sends it. */
    private ApiClient.Response call(String username, String password) {
        return ApiClient.at(port).as(username, password).get("/v3/api-docs");
    }

    @Test
    void createsAUserWhoSignsInAndAuditsItWithoutThePassword() {
        var created = create("ines.ortega", "tall-green-ladder-42", Roles.QUALITY, Roles.OPERATOR);

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("roles").toString()).isEqualTo("[\"OPERATOR\",\"QUALITY\"]");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("tall-green", "bcrypt");
        var signIn = ApiClient.at(port)
                .post("/api/tokens", "{\"username\":\"ines.ortega\",\"password\":\"tall-green-ladder-42\"}");
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(admin().get("/api/users").body()).contains("\"username\":\"ines.ortega\"");

        var audited = AuditActions.of("admin", 1).stream()
                .map(a -> a.body())
                .filter(body -> body instanceof UserCreated created1
                        && created1.username().equals("ines.ortega"))
                .toList();
        assertThat(audited)
                .containsExactly(
                        new UserCreated("ines.ortega", new UserAccount(List.of(Roles.OPERATOR, Roles.QUALITY), true)));
        assertThat(AuditActions.json()).noneMatch(json -> json.contains("tall-green-ladder") || json.contains("$2a$"));
    }

    @Test
    void refusesWeakPasswordsAndNamesOrRolesThatAreNotOnesAndChangesNothing() {
        var tooShort = create("short.pw", "abc-123", Roles.OPERATOR);
        var theName = create("marta.lee", "my-name-is-marta.lee", Roles.OPERATOR);
        var demoPassword = create("demo.pw", "supervisorsupervisor", Roles.OPERATOR);
        var badName = create("Marta Lee", "tall-green-ladder-42", Roles.OPERATOR);
        var badRole = create("marta.lee", "tall-green-ladder-42", "ROOT");
        var taken = create("operator", "tall-green-ladder-42", Roles.OPERATOR);

        for (var answer : List.of(tooShort, theName, demoPassword)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:weak-password");
        }
        for (var answer : List.of(badName, badRole)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-user");
        }
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("type").asString()).isEqualTo("urn:linetrace:problem:user-exists");
        assertThat(jdbc.sql(
                                "select count(*) from identity.users where username in ('short.pw', 'marta.lee', 'demo.pw')")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDisabledUsersCachedApiCredentialStopsWorkingAtOnce() {
        create("dora.disabled", "tall-green-ladder-43", Roles.OPERATOR);
        assertThat(call("dora.disabled", "tall-green-ladder-43").status()).isEqualTo(200);
        var checks = CountingEncoder.checks.get();
        assertThat(call("dora.disabled", "tall-green-ladder-43").status()).isEqualTo(200);
        assertThat(CountingEncoder.checks.get())
                .as("remembered, not checked again")
                .isEqualTo(checks);

        var disabled = admin().put("/api/users/dora.disabled/enabled", "{\"enabled\":false}");

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(call("dora.disabled", "tall-green-ladder-43").status()).isEqualTo(401);
        admin().put("/api/users/dora.disabled/enabled", "{\"enabled\":true}");
        assertThat(call("dora.disabled", "tall-green-ladder-43").status()).isEqualTo(200);
        var audited = AuditActions.of("admin", 2).stream()
                .map(a -> a.body())
                .filter(body -> body instanceof UserChanged changed
                        && changed.username().equals("dora.disabled"))
                .toList();
        assertThat(audited)
                .containsExactly(
                        new UserChanged(
                                "dora.disabled",
                                "disabled",
                                new UserAccount(List.of(Roles.OPERATOR), true),
                                new UserAccount(List.of(Roles.OPERATOR), false)),
                        new UserChanged(
                                "dora.disabled",
                                "enabled",
                                new UserAccount(List.of(Roles.OPERATOR), false),
                                new UserAccount(List.of(Roles.OPERATOR), true)));
    }

    @Test
    void aDisabledUsersTokenIsRefusedAtOnceWhereIdentityHoldsTheUsers() {
        create("tom.token", "tall-green-ladder-48", Roles.OPERATOR);
        var token = ApiClient.at(port)
                .post("/api/tokens", "{\"username\":\"tom.token\",\"password\":\"tall-green-ladder-48\"}")
                .json()
                .path("accessToken")
                .asString();
        assertThat(ApiClient.at(port).bearer(token).get("/v3/api-docs").status())
                .isEqualTo(200);

        admin().put("/api/users/tom.token/enabled", "{\"enabled\":false}");
        var refused = ApiClient.at(port).bearer(token).get("/v3/api-docs");
        var renewal = ApiClient.at(port).bearer(token).post("/api/tokens/renewal", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-token");
        assertThat(renewal.status()).isEqualTo(401);
        admin().put("/api/users/tom.token/enabled", "{\"enabled\":true}");
        assertThat(ApiClient.at(port).bearer(token).get("/v3/api-docs").status())
                .as("a token from before the change stays refused: sign in again")
                .isEqualTo(401);
    }

    @Test
    void aPasswordResetEndsTheOldPasswordAtOnceAndLiftsALock() {
        create("paul.reset", "tall-green-ladder-44", Roles.OPERATOR);
        assertThat(call("paul.reset", "tall-green-ladder-44").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            call("paul.reset", "guess-" + i);
        }
        assertThat(call("paul.reset", "tall-green-ladder-44").status())
                .as("cached")
                .isEqualTo(200);

        var reset = admin().put("/api/users/paul.reset/password", "{\"password\":\"short-and-new-45\"}");

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(call("paul.reset", "tall-green-ladder-44").status()).isEqualTo(401);
        assertThat(call("paul.reset", "short-and-new-45").status()).isEqualTo(200);
    }

    @Test
    void aRemovedRoleTakesEffectAtOnce() {
        create("ada.admin", "tall-green-ladder-46", Roles.ADMIN, Roles.ENGINEER);
        assertThat(ApiClient.at(port)
                        .as("ada.admin", "tall-green-ladder-46")
                        .get("/api/users")
                        .status())
                .isEqualTo(200);

        var changed = admin().put("/api/users/ada.admin/roles", "{\"roles\":[\"ENGINEER\"]}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(ApiClient.at(port)
                        .as("ada.admin", "tall-green-ladder-46")
                        .get("/api/users")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aChangeMadeByAnotherIdentityInstanceEndsTheRememberedSignInToo() {
        create("otto.other", "tall-green-ladder-47", Roles.OPERATOR);
        call("otto.other", "tall-green-ladder-47");
        var checks = CountingEncoder.checks.get();

        // As another instance's change leaves it: the same row, a new credential version.
        jdbc.sql("update identity.users set credential_version = credential_version + 1 where username = 'otto.other'")
                .update();
        assertThat(call("otto.other", "tall-green-ladder-47").status()).isEqualTo(200);

        assertThat(CountingEncoder.checks.get()).as("checked again").isEqualTo(checks + 1);
    }

    @Test
    void keepsOneEnabledAdminAndLetsOnlyAdminsManageUsers() {
        var users = admin().get("/api/users").json();
        for (var user : users) {
            var name = user.path("username").asString();
            if (!name.equals("admin")
                    && user.path("roles").toString().contains(Roles.ADMIN)
                    && user.path("enabled").asBoolean()) {
                assertThat(admin().put("/api/users/" + name + "/enabled", "{\"enabled\":false}")
                                .status())
                        .isEqualTo(200);
            }
        }

        var lastAdmin = admin().put("/api/users/admin/enabled", "{\"enabled\":false}");
        var notAdmin = ApiClient.at(port).as("operator").get("/api/users");
        var unknown = admin().put("/api/users/nobody.here/enabled", "{\"enabled\":false}");

        assertThat(lastAdmin.status()).as(lastAdmin.body()).isEqualTo(409);
        assertThat(lastAdmin.json().path("type").asString()).isEqualTo("urn:linetrace:problem:last-admin");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("urn:linetrace:problem:unknown-user");
        assertThat(call("admin", "admin").status()).isEqualTo(200);
    }
}
