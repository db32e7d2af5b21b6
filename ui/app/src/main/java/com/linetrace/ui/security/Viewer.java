package com.linetrace.ui.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Arrays;
import java.util.Set;

/**
 * Who looks at a view: the signed-in user's name and roles, so that a view offers only the actions the user's
 * roles allow. The service called checks the role again; this only spares the user a button that would be refused.
 */
public record Viewer(String name, Set<String> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public static Viewer of(AuthenticationContext authentication) {
        return new Viewer(
                authentication.getPrincipalName().orElseThrow(), Set.copyOf(authentication.getGrantedRoles()));
    }

    public boolean hasAnyRole(String... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }
}
