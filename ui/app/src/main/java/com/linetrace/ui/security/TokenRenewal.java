package com.linetrace.ui.security;

import com.linetrace.identity.api.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in person's token fresh: on a request (a click, or Vaadin's heartbeat every few minutes) once a third
 * of its lifetime has passed, it asks identity for a new one and puts it in the session. Identity refuses a user
 * disabled since, or a session older than its limit: the person is then signed out and sees the login view. Between
 * renewals each request verifies the token again, which in a process holding identity's users also checks that the
 * holder's credentials did not change: a person disabled there is signed out at their next request.
 */
final class TokenRenewal extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenRenewal.class);

    private final Tokens tokens;
    private final IdentitySignIn signIn;
    private final Clock clock;
    private final SecurityContextRepository sessions;

    TokenRenewal(Tokens tokens, IdentitySignIn signIn, SecurityContextRepository sessions, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.signIn = signIn;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Looked up per request: Vaadin installs its own strategy for the JVM only after this filter is built.
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        if (contexts.getContext().getAuthentication() instanceof JwtAuthenticationToken current
                && !due(current)
                && !signIn.stillValid(current)) {
            log.info(
                    "Signed '{}' out: their token is no longer valid (disabled, new password or roles)",
                    current.getName());
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            var context = contexts.createEmptyContext();
            contexts.setContext(context);
            sessions.saveContext(context, request, response);
        } else if (contexts.getContext().getAuthentication() instanceof JwtAuthenticationToken current
                && due(current)) {
            var context = contexts.createEmptyContext();
            try {
                context.setAuthentication(signIn.authenticated(tokens.renew()));
            } catch (RuntimeException e) {
                log.info("Signed '{}' out: the token was not renewed ({})", current.getName(), e.getMessage());
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            contexts.setContext(context);
            sessions.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }

    private boolean due(JwtAuthenticationToken current) {
        var issued = current.getToken().getIssuedAt();
        var expires = current.getToken().getExpiresAt();
        if (issued == null || expires == null) {
            return true;
        }
        var third = Duration.between(issued, expires).dividedBy(3);
        return clock.instant().isAfter(issued.plus(third));
    }
}
