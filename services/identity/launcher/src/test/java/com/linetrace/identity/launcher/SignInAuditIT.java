package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.SignInFailed;
import com.linetrace.contracts.action.SignedIn;
import com.linetrace.contracts.action.SignedOut;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in, sign-out and every failed sign-in become audit actions on {@code linetrace.audit-actions.v1}, through
 * identity's outbox: who, from which address, why a sign-in failed; never the password tried.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"linetrace.identity.demo-users=true", "linetrace.messaging.relay-poll-interval=100ms"})
class SignInAuditIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from identity.sign_in_failure").update();
    }

    private void person(String name) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password(encoder.encode(name + "-pw"))
                    .roles(Roles.QUALITY)
                    .build());
        }
    }

    private ApiClient.Response signIn(String username, String password) {
        return ApiClient.at(port)
                .post("/api/tokens", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void aSignInAndASignOutAreAuditedWithTheClientsAddress() {
        person("audited-in");
        var token =
                signIn("audited-in", "audited-in-pw").json().path("accessToken").asString();
        var signOut = ApiClient.at(port).bearer(token).post("/api/tokens/sign-out", "");
        assertThat(signOut.status()).as(signOut.body()).isEqualTo(200);

        var actions = AuditActions.of("audited-in", 2);

        assertThat(actions)
                .extracting(AuditActionEvent::body)
                .containsExactly(
                        new SignedIn("audited-in", List.of(Roles.QUALITY)), new SignedOut("audited-in", "signed-out"));
        assertThat(actions).allSatisfy(action -> {
            assertThat(action.origin()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(action.plant()).isEqualTo("CA1");
        });
    }

    @Test
    void aSessionThatTimedOutIsAuditedAsSuch() {
        person("audited-idle");
        var token = signIn("audited-idle", "audited-idle-pw")
                .json()
                .path("accessToken")
                .asString();

        var timedOut = ApiClient.at(port).bearer(token).post("/api/tokens/sign-out?reason=timed-out", "");

        assertThat(timedOut.status()).as(timedOut.body()).isEqualTo(200);
        assertThat(AuditActions.of("audited-idle", 2).getLast().body())
                .isEqualTo(new SignedOut("audited-idle", "timed-out"));
    }

    @Test
    void everyFailedSignInIsAuditedWithItsReasonAndNeverThePassword() {
        person("audited-fail");
        users.createUser(User.withUsername("audited-disabled")
                .password(encoder.encode("audited-disabled-pw"))
                .roles(Roles.OPERATOR)
                .disabled(true)
                .build());
        signIn("audited-fail", "Secret-Guess-0");
        signIn("audited-nobody", "Secret-Guess-1");
        signIn("audited-disabled", "audited-disabled-pw");
        for (int i = 2; i < 6; i++) {
            signIn("audited-fail", "Secret-Guess-" + i);
        }
        // Locked now: refused twice more, audited once.
        signIn("audited-fail", "audited-fail-pw");
        signIn("audited-fail", "audited-fail-pw");

        var failed = AuditActions.of("audited-fail", 6);
        assertThat(failed)
                .extracting(action -> ((SignInFailed) action.body()).reason())
                .containsExactly(
                        SignInFailed.Reason.WRONG_PASSWORD,
                        SignInFailed.Reason.WRONG_PASSWORD,
                        SignInFailed.Reason.WRONG_PASSWORD,
                        SignInFailed.Reason.WRONG_PASSWORD,
                        SignInFailed.Reason.WRONG_PASSWORD,
                        SignInFailed.Reason.LOCKED_OUT);
        assertThat(((SignInFailed) failed.get(4).body()).lockedUntil()).isNotNull();
        assertThat(((SignInFailed)
                                AuditActions.of("audited-nobody", 1).getFirst().body())
                        .reason())
                .isEqualTo(SignInFailed.Reason.UNKNOWN_USER);
        assertThat(((SignInFailed) AuditActions.of("audited-disabled", 1)
                                .getFirst()
                                .body())
                        .reason())
                .isEqualTo(SignInFailed.Reason.DISABLED);
        assertThat(AuditActions.json()).noneMatch(json -> json.contains("Secret-Guess") || json.contains("-pw\""));
    }
}
