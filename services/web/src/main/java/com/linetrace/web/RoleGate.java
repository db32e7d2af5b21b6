package com.linetrace.web;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The role check of every API endpoint, made before the request's body is read and bound: an endpoint's
 * {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} (on the method, else on its class, interfaces
 * included) decides. Method security alone checks only once the arguments are resolved, so a caller without the role
 * saw 400 for a body it was not allowed to send, or 404 for a path it may not ask about, and learnt what exists. An
 * endpoint that names no roles is refused to everyone (fail closed) and logged, so a forgotten annotation shows at once.
 * A refusal is the API chain's own answer: 403 {@code forbidden}, or 401 for a caller who did not sign in.
 */
public final class RoleGate implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RoleGate.class);
    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod endpoint)) {
            return true;
        }
        var declared = declared(endpoint);
        if (declared.isEmpty()) {
            log.error(
                    "Refused {} {}: {}.{} names no roles (@RolesAllowed, @PermitAll or @DenyAll)",
                    request.getMethod(),
                    request.getRequestURI(),
                    endpoint.getBeanType().getSimpleName(),
                    endpoint.getMethod().getName());
            throw new AccessDeniedException("This endpoint names no roles");
        }
        var roles = declared.get();
        if (roles.permitAll()) {
            return true;
        }
        var caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Sign in first");
        }
        if (!roles.admits(caller)) {
            throw new AccessDeniedException("Your role does not allow this");
        }
        return true;
    }

    /**
     * The roles an endpoint names: its method's annotation, else its class's; empty when it names none. The role
     * matrix test reads endpoints through this too.
     */
    public static Optional<Declared> declared(HandlerMethod endpoint) {
        var method = endpoint.getMethod();
        var onMethod = Declared.of(
                AnnotatedElementUtils.findMergedAnnotation(method, DenyAll.class),
                AnnotatedElementUtils.findMergedAnnotation(method, PermitAll.class),
                AnnotatedElementUtils.findMergedAnnotation(method, RolesAllowed.class));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        var type = endpoint.getBeanType();
        return Declared.of(
                AnnotatedElementUtils.findMergedAnnotation(type, DenyAll.class),
                AnnotatedElementUtils.findMergedAnnotation(type, PermitAll.class),
                AnnotatedElementUtils.findMergedAnnotation(type, RolesAllowed.class));
    }

    /** What an endpoint declares: everyone ({@code permitAll}), no one (no roles), or these roles. */
    public record Declared(boolean permitAll, List<String> roles) {

        static Optional<Declared> of(
                @Nullable DenyAll deny, @Nullable PermitAll permit, @Nullable RolesAllowed allowed) {
            // As JSR-250 reads them together: DenyAll wins, then PermitAll, then the roles.
            if (deny != null) {
                return Optional.of(new Declared(false, List.of()));
            }
            if (permit != null) {
                return Optional.of(new Declared(true, List.of()));
            }
            if (allowed != null) {
                return Optional.of(new Declared(false, List.of(allowed.value())));
            }
            return Optional.empty();
        }

        /** Whether a caller with these authorities ({@code ROLE_<role>}) may call the endpoint. */
        public boolean admits(Authentication caller) {
            return permitAll
                    || caller.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .anyMatch(
                                    authority -> roles.stream().anyMatch(role -> authority.equals(ROLE_PREFIX + role)));
        }
    }
}
