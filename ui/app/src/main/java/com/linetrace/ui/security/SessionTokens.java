package com.linetrace.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps the signed-in person's security context, identity's token included, in their HTTP session, where Spring and
 * Vaadin look for it. Spring's own session repository would not: a bearer token's authentication is marked
 * {@code @Transient} (meant for one request), and the person would be signed out at the next click.
 */
final class SessionTokens implements SecurityContextRepository {

    static final String KEY = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private @Nullable SecurityContext context;
            private boolean generated;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    var stored = stored(request);
                    generated = stored == null;
                    context = stored != null
                            ? stored
                            : SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                get();
                return generated;
            }
        };
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (context.getAuthentication() == null) {
            var session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(KEY);
            }
            return;
        }
        request.getSession(true).setAttribute(KEY, context);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return stored(request) != null;
    }

    private static @Nullable SecurityContext stored(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(KEY) instanceof SecurityContext context ? context : null;
    }
}
