package com.linetrace.tracking;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling tracking's api: the current Spring Security authentication, whether the call came over HTTP (the
 * request's credentials) or in-process from the UI (the signed-in user). Never a parameter a caller could fill in.
 */
public final class Caller {

    private Caller() {}

    /** The caller's name, as scans, work orders and events record it. */
    public static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("No one is signed in");
        }
        return authentication.getName();
    }

    /** The caller's roles without the {@code ROLE_} prefix; none when no one is signed in. */
    public static Set<String> roles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(a ->
                        a.getAuthority().startsWith("ROLE_") ? a.getAuthority().substring(5) : a.getAuthority())
                .collect(Collectors.toSet());
    }
}
