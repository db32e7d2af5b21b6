package com.linetrace.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.identity.api.BadgeSignIn;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.IssuedToken;
import com.linetrace.identity.api.SignIn;
import com.linetrace.identity.api.Tokens;
import com.linetrace.testing.TestTokens;
import com.linetrace.web.BearerTokens;
import com.linetrace.web.SecuritySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The UI signs in through identity's api and keeps the session's token fresh, or signs the person out. */
class TokenRenewalTests {

    private static final SecuritySettings.Token VERIFY =
            new SecuritySettings.Token(null, TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(30));

    private final AtomicInteger renewals = new AtomicInteger();
    private volatile boolean disabled;

    /** Identity as the UI sees it: signs operator/operator in, renews while the user is enabled. */
    private final Tokens identity = new Tokens() {
        @Override
        public IssuedToken issueForBadge(BadgeSignIn signIn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedToken issue(SignIn signIn) {
            if (!signIn.password().equals("operator")) {
                throw IdentityProblem.INVALID_CREDENTIALS.exception("Wrong user name or password");
            }
            return issued(Instant.now().plus(Duration.ofMinutes(10)));
        }

        @Override
        public IssuedToken renew() {
            renewals.incrementAndGet();
            if (disabled) {
                throw IdentityProblem.TOKEN_NOT_RENEWABLE.exception("This user is no longer enabled");
            }
            return issued(Instant.now().plus(Duration.ofMinutes(10)));
        }

        @Override
        public void signOut(@org.jspecify.annotations.Nullable String reason) {}

        @Override
        public String publicKey() {
            throw new UnsupportedOperationException();
        }
    };

    private final IdentitySignIn signIn = new IdentitySignIn(
            identity, BearerTokens.decoder(BearerTokens.readPublicKey(TestTokens.publicKeyFile()), VERIFY));

    private static IssuedToken issued(Instant expires) {
        return new IssuedToken(
                TestTokens.token("operator", "OPERATOR").expiresAt(expires).sign(), "Bearer", expires);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletRequest requestSignedInWith(IssuedToken token) {
        var request = new MockHttpServletRequest("POST", "/");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signIn.authenticated(token));
        SecurityContextHolder.setContext(context);
        request.getSession(true);
        return request;
    }

    private void filter(MockHttpServletRequest request) throws Exception {
        new TokenRenewal(identity, signIn, new SessionTokens(), Clock.systemUTC())
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }

    @Test
    void signsInWithIdentitysTokenAsTheSessionsAuthentication() {
        var authentication = signIn.authenticate(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                        "operator", "operator"));

        assertThat(authentication).isInstanceOf(JwtAuthenticationToken.class);
        assertThat(authentication.getName()).isEqualTo("operator");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_OPERATOR")
                .doesNotContain("ROLE_ADMIN");
        assertThat(((JwtAuthenticationToken) authentication).getToken().getTokenValue())
                .isNotBlank();
    }

    @Test
    void refusesAWrongPasswordAsBadCredentials() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signIn.authenticate(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                                "operator", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void leavesAFreshTokenAlone() throws Exception {
        var request = requestSignedInWith(issued(Instant.now().plus(Duration.ofMinutes(10))));

        filter(request);

        assertThat(renewals).hasValue(0);
    }

    @Test
    void renewsATokenAThirdThroughItsLifeAndKeepsTheNewOneInTheSession() throws Exception {
        var old = issued(Instant.now().plus(Duration.ofMinutes(5)));
        var request = requestSignedInWith(old);

        filter(request);

        assertThat(renewals).hasValue(1);
        var current =
                (JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication();
        assertThat(current.getToken().getTokenValue()).isNotEqualTo(old.accessToken());
        var saved = (SecurityContext) request.getSession().getAttribute(SessionTokens.KEY);
        assertThat(((JwtAuthenticationToken) saved.getAuthentication())
                        .getToken()
                        .getTokenValue())
                .isEqualTo(current.getToken().getTokenValue());
    }

    @Test
    void signsTheUserOutWhenIdentityRefusesTheRenewal() throws Exception {
        disabled = true;
        var request = requestSignedInWith(issued(Instant.now().plus(Duration.ofMinutes(5))));
        var session = request.getSession(false);

        filter(request);

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(session).isNotNull();
        assertThat(((org.springframework.mock.web.MockHttpSession) session).isInvalid())
                .isTrue();
    }

    /**
     * The filter is built with the security chain, before Vaadin installs its own context holder strategy for the JVM
     * (once every singleton exists); a strategy read at construction never sees the signed-in person.
     */
    @Test
    void renewsThroughTheStrategyInstalledAfterTheFilterWasBuilt() throws Exception {
        var renewal = new TokenRenewal(identity, signIn, new SessionTokens(), Clock.systemUTC());
        var before = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setStrategyName(SecurityContextHolder.MODE_INHERITABLETHREADLOCAL);
        try {
            var request = requestSignedInWith(issued(Instant.now().plus(Duration.ofMinutes(5))));

            renewal.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

            assertThat(renewals).hasValue(1);
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }
}
