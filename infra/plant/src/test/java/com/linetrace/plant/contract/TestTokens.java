package com.linetrace.plant.contract;

import java.util.Arrays;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Signs a user in on the test's thread as the UI's sign-in does: a JWT authentication holding a token signed with
 * the test JVM's key ({@link com.linetrace.testing.TestTokens}), which the services apart verify as they verify
 * identity's ({@code linetrace.security.token.public-key}).
 */
final class TestTokens {

    private TestTokens() {}

    static void signIn(String user, String... roles) {
        var token = com.linetrace.testing.TestTokens.of(user, roles);
        var jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(user).build();
        var authorities = Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, authorities, user));
    }

    /** A token for {@code user} with {@code roles}, as a station client would send it. */
    static String token(String user, String... roles) {
        return com.linetrace.testing.TestTokens.of(user, roles);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
