package com.linetrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class RoleGateTests {

    private final RoleGate gate = new RoleGate();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void letsThroughACallerWithOneOfTheEndpointsRoles() throws Exception {
        signIn("QUALITY");

        assertThat(gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "verify")))
                .isTrue();
    }

    @Test
    void refusesACallerWithoutTheRole() {
        signIn("OPERATOR");

        assertThatThrownBy(() ->
                        gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "verify")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readsTheClassesRolesWhereTheMethodNamesNone() throws Exception {
        signIn("ADMIN");
        assertThat(gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "search")))
                .isTrue();

        signIn("ENGINEER");
        assertThatThrownBy(() ->
                        gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "search")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readsRolesDeclaredOnTheInterfaceAnEndpointImplements() {
        signIn("OPERATOR");

        assertThatThrownBy(() ->
                        gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "audited")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(RoleGate.declared(endpoint(new Ledger(), "audited"))
                        .orElseThrow()
                        .roles())
                .containsExactly("QUALITY");
    }

    @Test
    void letsAnyoneIntoAPermitAllEndpointAndNoOneIntoADenyAllOne() throws Exception {
        assertThat(gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "publicKey")))
                .isTrue();

        signIn("ADMIN");
        assertThatThrownBy(() ->
                        gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "retired")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesEveryoneAnEndpointThatNamesNoRoles() {
        signIn("ADMIN");

        assertThat(RoleGate.declared(endpoint(new Unnamed(), "anything"))).isEmpty();
        assertThatThrownBy(() ->
                        gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Unnamed(), "anything")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void asksACallerWhoDidNotSignInToSignIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThatThrownBy(() ->
                        gate.preHandle(request(), new MockHttpServletResponse(), endpoint(new Ledger(), "verify")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void leavesHandlersThatAreNoControllerMethodAlone() throws Exception {
        assertThat(gate.preHandle(request(), new MockHttpServletResponse(), new Object()))
                .isTrue();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "someone",
                        null,
                        List.of(AuthorityUtils.createAuthorityList("ROLE_" + role)
                                .getFirst())));
    }

    private static MockHttpServletRequest request() {
        var request = new MockHttpServletRequest("POST", "/api/ledger");
        request.setContentType("application/json");
        return request;
    }

    private static HandlerMethod endpoint(Object controller, String name) {
        for (var method : controller.getClass().getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return new HandlerMethod(controller, method);
            }
        }
        throw new IllegalArgumentException(name);
    }

    interface Audited {

        @RolesAllowed("QUALITY")
        void audited();
    }

    @RolesAllowed("ADMIN")
    static class Ledger implements Audited {

        @RolesAllowed({"QUALITY", "ADMIN"})
        void verify() {}

        void search() {}

        @Override
        public void audited() {}

        @PermitAll
        void publicKey() {}

        @DenyAll
        void retired() {}
    }

    static class Unnamed {

        void anything() {}
    }
}
