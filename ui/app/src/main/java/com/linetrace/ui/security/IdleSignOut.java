package com.linetrace.ui.security;

import com.linetrace.identity.api.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a person out after they left the screens untouched for their roles' timeout ({@link SessionSettings}: a shared
 * station terminal's operator sooner, a badge session at a terminal sooner still). Vaadin's heartbeat keeps a tab's
 * session alive while it is open, so it is not counted as activity here; the HTTP session's own timeout is set to the
 * same, for a tab that was closed. The first heartbeat after the timeout ends the session, and the tab, told its
 * session expired, loads its page again and so comes to the sign-in page (a terminal's: the badge form). A time-out
 * is recorded by identity ({@code SignedOut}, timed-out).
 */
final class IdleSignOut extends OncePerRequestFilter {

    static final String LAST_ACTIVE = IdleSignOut.class.getName() + ".lastActive";

    private static final Logger log = LoggerFactory.getLogger(IdleSignOut.class);

    private final SessionSettings settings;
    private final Tokens tokens;
    private final SecurityContextRepository sessions;
    private final Clock clock;

    IdleSignOut(SessionSettings settings, Tokens tokens, SecurityContextRepository sessions, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contexts = SecurityContextHolder.getContextHolderStrategy();
        var session = request.getSession(false);
        if (session != null && contexts.getContext().getAuthentication() instanceof JwtAuthenticationToken person) {
            var roles = person.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .toList();
            var amr = person.getToken().getClaimAsStringList("amr");
            var timeout = settings.timeoutFor(roles, amr != null && amr.contains(LoginView.BADGE));
            var now = clock.instant();
            if (session.getAttribute(LAST_ACTIVE) instanceof Instant last
                    && last.plus(timeout).isBefore(now)) {
                log.info("Signed '{}' out after {} without activity", person.getName(), timeout);
                try {
                    tokens.signOut("timed-out");
                } catch (RuntimeException e) {
                    log.warn("Identity did not record the time-out of '{}': {}", person.getName(), e.getMessage());
                }
                session.invalidate();
                var empty = contexts.createEmptyContext();
                contexts.setContext(empty);
                sessions.saveContext(empty, request, response);
            } else if (!heartbeat(request)) {
                session.setAttribute(LAST_ACTIVE, now);
                session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
            }
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's keep-alive of an open tab: not a person doing anything. */
    private static boolean heartbeat(HttpServletRequest request) {
        return "heartbeat".equals(request.getParameter("v-r"));
    }
}
