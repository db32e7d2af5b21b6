package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.TestPropertySource;

/**
 * Hammering the sign-in with wrong passwords locks the name, and the address it comes from, across identity's
 * instances (the count is in identity's schema), and the locked path answers 429 without checking a password hash.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "linetrace.identity.demo-users=true",
            "linetrace.identity.sign-in.max-failures-per-user=5",
            "linetrace.identity.sign-in.max-failures-per-address=12"
        })
class SignInThrottleIT {

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
    JdbcUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        // One database for every test class of this JVM: a locked loopback address would lock them all out.
        jdbc.sql("delete from identity.sign_in_failure").update();
    }

    private void person(String name) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password(encoder.encode(name + "-pw"))
                    .roles(Roles.OPERATOR)
                    .build());
        }
    }

    private ApiClient.Response signIn(String username, String password) {
        return ApiClient.at(port)
                .post("/api/tokens", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void aLockedNameIsRefusedWith429WithoutAPasswordCheckEvenWithTheRightPassword() {
        person("hammered");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("hammered", "guess-" + i).status()).isEqualTo(401);
        }
        var checksBefore = CountingEncoder.checks.get();

        for (int i = 0; i < 20; i++) {
            var answer = signIn("hammered", i % 2 == 0 ? "guess-again-" + i : "hammered-pw");
            assertThat(answer.status()).as(answer.body()).isEqualTo(429);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:too-many-sign-ins");
            assertThat(answer.json().path("detail").asString()).contains("try again after");
        }

        assertThat(CountingEncoder.checks.get()).isEqualTo(checksBefore);
    }

    @Test
    void httpBasicIsThrottledLikeTheTokenSignIn() {
        person("basic-hammered");
        for (int i = 0; i < 5; i++) {
            var answer = ApiClient.at(port).as("basic-hammered", "guess-" + i).post("/api/tokens/renewal", "");
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:unauthenticated");
        }
        var checksBefore = CountingEncoder.checks.get();

        var locked =
                ApiClient.at(port).as("basic-hammered", "basic-hammered-pw").post("/api/tokens/renewal", "");
        var tokenToo = signIn("basic-hammered", "basic-hammered-pw");

        assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        assertThat(locked.json().path("type").asString()).isEqualTo("urn:linetrace:problem:too-many-sign-ins");
        assertThat(tokenToo.status()).isEqualTo(429);
        assertThat(CountingEncoder.checks.get()).isEqualTo(checksBefore);
    }

    @Test
    void anAddressTryingManyNamesIsLockedForEveryNameItTries() {
        person("innocent");
        for (int i = 0; i < 12; i++) {
            assertThat(signIn("sprayed-" + i, "Summer2026!").status()).isEqualTo(401);
        }
        var checksBefore = CountingEncoder.checks.get();

        var rightPassword = signIn("innocent", "innocent-pw");

        assertThat(rightPassword.status()).as(rightPassword.body()).isEqualTo(429);
        assertThat(CountingEncoder.checks.get()).isEqualTo(checksBefore);
        assertThat(jdbc.sql(
                                "select count(*) from identity.sign_in_failure where kind = 'address' and locked_until > now()")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLockWrittenByAnotherInstanceIsHonouredBeforeAnyPasswordCheck() {
        person("elsewhere");
        // As another identity instance leaves it after five failures there: one database, one lock.
        jdbc.sql("""
                        insert into identity.sign_in_failure (kind, subject, failures, window_started, locked_until)
                        values ('user', 'elsewhere', 0, now(), now() + interval '5 minutes')""").update();
        var checksBefore = CountingEncoder.checks.get();

        var answer = signIn("elsewhere", "elsewhere-pw");

        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(CountingEncoder.checks.get()).isEqualTo(checksBefore);
    }

    @Test
    void aSuccessfulSignInStartsTheNamesCountAgain() {
        person("forgetful");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("forgetful", "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(signIn("forgetful", "forgetful-pw").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("forgetful", "guess-" + i).status()).isEqualTo(401);
        }

        assertThat(signIn("forgetful", "forgetful-pw").status()).isEqualTo(200);
    }
}
