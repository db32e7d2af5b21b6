package com.linetrace.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.identity.api.BadgeSignIn;
import com.linetrace.identity.api.IssuedToken;
import com.linetrace.identity.api.SignIn;
import com.linetrace.identity.api.Tokens;
import com.linetrace.testing.TestTokens;
import com.linetrace.web.BearerTokens;
import com.linetrace.web.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

class IdleSignOutTests {

    private static final SecuritySettings.Token VERIFY =
            new SecuritySettings.Token(null, TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(30));

    private final List<String> signOuts = new ArrayList<>();

    private final Tokens identity = new Tokens() {
        @Override
        public IssuedToken issueForBadge(BadgeSignIn signIn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedToken issue(SignIn signIn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedToken renew() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signOut(@Nullable String reason) {
            signOuts.add(SecurityContextHolder.getContext().getAuthentication().getName() + " " + reason);
        }

        @Override
        public String publicKey() {
            throw new UnsupportedOperationException();
        }
    };

    private final IdentitySignIn signIn = new IdentitySignIn(
            identity, BearerTokens.decoder(BearerTokens.readPublicKey(TestTokens.publicKeyFile()), VERIFY));

    private Instant now = Instant.parse("2026-12-01T08:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final MockHttpSession session = new MockHttpSession();

    private final IdleSignOut filter = new IdleSignOut(
            new SessionSettings(
                    Duration.ofMinutes(30), Map.of("OPERATOR", Duration.ofMinutes(10)), Duration.ofMinutes(5)),
            identity,
            new SessionTokens(),
            clock);

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    private void signedInAs(String user, String role) {
        signedIn(TestTokens.token(user, role));
    }

    private void signedIn(TestTokens.Token signed) {
        var expires = Instant.now().plus(Duration.ofMinutes(10));
        var token = new IssuedToken(signed.expiresAt(expires).sign(), "Bearer", expires);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signIn.authenticated(token));
        SecurityContextHolder.setContext(context);
    }

    private void request(String query) throws Exception {
        var request = new MockHttpServletRequest("POST", "/");
        if (!query.isEmpty()) {
            request.setParameter("v-r", query);
        }
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }

    @Test
    void signsAnOperatorOutAfterTenIdleMinutesAndTellsIdentityItTimedOut() throws Exception {
        signedInAs("operator", "OPERATOR");
        request("uidl");
        assertThat(session.getMaxInactiveInterval()).isEqualTo(600);

        now = now.plus(Duration.ofMinutes(11));
        request("uidl");

        assertThat(session.isInvalid()).isTrue();
        assertThat(signOuts).containsExactly("operator timed-out");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void doesNotCountVaadinsHeartbeatAsActivity() throws Exception {
        signedInAs("operator", "OPERATOR");
        request("uidl");
        now = now.plus(Duration.ofMinutes(6));
        request("heartbeat");
        now = now.plus(Duration.ofMinutes(5));

        request("heartbeat");

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void keepsAnActivePersonSignedInAndGivesOtherRolesTheLongerTimeout() throws Exception {
        signedInAs("supervisor", "SUPERVISOR");
        for (int i = 0; i < 4; i++) {
            request("uidl");
            now = now.plus(Duration.ofMinutes(20));
        }

        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(1800);
        assertThat(signOuts).isEmpty();
    }

    @Test
    void signsABadgeSessionOutSoonerThanTheSameRolesPasswordSession() throws Exception {
        signedIn(TestTokens.token("supervisor", "SUPERVISOR").byBadge());
        request("uidl");
        assertThat(session.getMaxInactiveInterval()).isEqualTo(300);
        now = now.plus(Duration.ofMinutes(4));
        request("uidl");
        now = now.plus(Duration.ofMinutes(4));
        request("heartbeat");
        assertThat(session.isInvalid()).isFalse();

        now = now.plus(Duration.ofMinutes(2));
        request("heartbeat");

        assertThat(session.isInvalid()).isTrue();
        assertThat(signOuts).containsExactly("supervisor timed-out");
    }
}
