package com.linetrace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class CachedCredentialsTests {

    final AtomicInteger checks = new AtomicInteger();

    /** Accepts operator/right only, counting how often the expensive check ran. */
    final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (a.getName().equals("operator") && "right".equals(a.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));
            }
            throw new BadCredentialsException("Bad credentials");
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    /** The users' credential versions, as another identity instance may change them. */
    final java.util.Map<String, Long> current =
            new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of("operator", 0L));

    final CredentialVersions versions = current::get;

    @Test
    void checksAgainOnceTheUsersCredentialVersionChanged() {
        var cache = new CachedCredentials(passwords, versions, Duration.ofMinutes(2), Clock.systemUTC());
        cache.authenticate(token("operator", "right"));
        cache.authenticate(token("operator", "right"));
        assertThat(checks).hasValue(1);

        current.put("operator", 1L);
        cache.authenticate(token("operator", "right"));
        cache.authenticate(token("operator", "right"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void neverAnswersFromMemoryForAUserNoLongerEnabled() {
        var cache = new CachedCredentials(passwords, versions, Duration.ofMinutes(2), Clock.systemUTC());
        cache.authenticate(token("operator", "right"));

        current.remove("operator");
        cache.authenticate(token("operator", "right"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void checksARememberedPasswordOnlyOnceWithinTheTtl() {
        var cache = new CachedCredentials(passwords, versions, Duration.ofMinutes(2), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            assertThat(cache.authenticate(token("operator", "right")).isAuthenticated())
                    .isTrue();
        }
        assertThat(checks).hasValue(1);
    }

    @Test
    void alwaysChecksAWrongPassword() {
        var cache = new CachedCredentials(passwords, versions, Duration.ofMinutes(2), Clock.systemUTC());
        cache.authenticate(token("operator", "right"));
        assertThatThrownBy(() -> cache.authenticate(token("operator", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(token("operator", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void checksAgainAfterTheTtl() {
        var now = new Instant[] {Instant.parse("2026-11-25T10:00:00Z")};
        var clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        var cache = new CachedCredentials(passwords, versions, Duration.ofMinutes(2), clock);
        cache.authenticate(token("operator", "right"));
        now[0] = now[0].plusSeconds(121);
        cache.authenticate(token("operator", "right"));
        assertThat(checks).hasValue(2);
    }

    private static Authentication token(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
